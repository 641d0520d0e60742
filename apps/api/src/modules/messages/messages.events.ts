import type { Message } from '@chat/contracts';

/** Emitted once per stored message (never for a de-duplicated retry); realtime fans it out. */
export const MESSAGE_CREATED = 'message.created';

export interface MessageCreatedEvent {
  message: Message;
  /** Thread participants: the message also goes to their personal rooms. */
  directUserIds: string[] | null;
  /** The connection that sent it; it has the ack, so it is skipped. */
  originSocketId?: string;
}

/** Emitted once per change that took a new `rev` (an edit, a delete, a reaction). */
export const MESSAGE_UPDATED = 'message.updated';

export interface MessageUpdatedEvent extends MessageCreatedEvent {
  /** Users mentioned by this change who were not mentioned before (an edit adding `@them`). */
  newMentions: string[];
}
