import type { DataSourceOptions } from 'typeorm';
import { RefreshTokenEntity } from '../modules/auth/refresh-token.entity.js';
import { ConversationMemberEntity } from '../modules/conversations/conversation-member.entity.js';
import { ConversationEntity } from '../modules/conversations/conversation.entity.js';
import { MessageEntity } from '../modules/messages/message.entity.js';
import { UserEntity } from '../modules/users/user.entity.js';
import { migrations } from './migrations/index.js';

export const entities = [
  UserEntity,
  RefreshTokenEntity,
  ConversationEntity,
  ConversationMemberEntity,
  MessageEntity,
];

/** The schema always comes from migrations; never `synchronize`. */
export function dataSourceOptions(url: string): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities,
    migrations,
    // Run at start by runMigrationsLocked, so several processes can start at once.
    migrationsRun: false,
    migrationsTransactionMode: 'each',
    synchronize: false,
    // A database that stops answering fails a request after 5 s instead of holding it forever.
    extra: { max: 20, application_name: 'chat-api', connectionTimeoutMillis: 5000 },
  };
}
