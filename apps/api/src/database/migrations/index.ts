import { InitialSchema1763769600000 } from './1763769600000-initial-schema.js';
import { RoomListIndexes1764748800000 } from './1764748800000-room-list-indexes.js';
import { MessageChanges1764835200000 } from './1764835200000-message-changes.js';
import { BotAuthors1764921600000 } from './1764921600000-bot-authors.js';
import { MessageGames1764950400000 } from './1764950400000-message-games.js';
import { Moderation1765008000000 } from './1765008000000-moderation.js';
import { MessageSearch1765100000000 } from './1765100000000-message-search.js';
import { Attachments1765200000000 } from './1765200000000-attachments.js';

/** Every migration, oldest first. */
export const migrations = [
  InitialSchema1763769600000,
  RoomListIndexes1764748800000,
  MessageChanges1764835200000,
  BotAuthors1764921600000,
  MessageGames1764950400000,
  Moderation1765008000000,
  MessageSearch1765100000000,
  Attachments1765200000000,
];
