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
