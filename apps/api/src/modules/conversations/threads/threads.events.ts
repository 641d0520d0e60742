import type { Thread } from '@chat/contracts';

/**
 * Emitted when a thread is first created (to the other user), or a group is created with or
 * gains a user (to them); realtime sends `thread:new` to the recipient's personal room.
 */
export const THREAD_CREATED = 'thread.created';

export interface ThreadCreatedEvent {
  /** The participant who did not open it, or the person added to the group. */
  recipientId: string;
  /** The thread as the recipient sees it. */
  thread: Thread;
}
