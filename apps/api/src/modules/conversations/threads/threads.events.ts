import type { Thread } from '@chat/contracts';

/** Emitted when a thread is first created; realtime sends `thread:new` to the other user. */
export const THREAD_CREATED = 'thread.created';

export interface ThreadCreatedEvent {
  /** The participant who did not open it. */
  recipientId: string;
  /** The thread as the recipient sees it. */
  thread: Thread;
}
