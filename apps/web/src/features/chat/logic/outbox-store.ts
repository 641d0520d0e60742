import type { MessageSender, ReplyPreview, SendPayload } from '@chat/contracts';

/** An unsent message as kept across page loads: what to send, and how to show it meanwhile. */
export interface StoredSend {
  payload: SendPayload;
  sender: MessageSender;
  createdAt: string;
  /** The message it answers (the payload has only its id), to show above it meanwhile. */
  replyTo?: ReplyPreview;
}

/** Where the outbox survives closing the tab. */
export interface OutboxStore {
  load(): StoredSend[];
  save(sends: readonly StoredSend[]): void;
}

/** One outbox per account (or guest) in localStorage; a full or missing storage keeps nothing. */
export function localOutboxStore(owner: string, storage: Storage = localStorage): OutboxStore {
  const key = `chat:outbox:${owner}`;
  return {
    load: () => {
      try {
        const stored: unknown = JSON.parse(storage.getItem(key) ?? '[]');
        return Array.isArray(stored) ? (stored as StoredSend[]) : [];
      } catch {
        return [];
      }
    },
    save: (sends) => {
      try {
        if (sends.length === 0) storage.removeItem(key);
        else storage.setItem(key, JSON.stringify(sends));
      } catch {
        // Private mode or a full storage: the outbox still works for this page.
      }
    },
  };
}

/** Keeps nothing: for tests and for a session that cannot post. */
export const memoryOutboxStore = (): OutboxStore => {
  let sends: StoredSend[] = [];
  return { load: () => sends, save: (next) => void (sends = [...next]) };
};
