import type { Message } from '@chat/contracts';
import { createContext, useContext } from 'react';

/** What a message's buttons do; without it (a visitor, a test) messages are read-only. */
export interface MessageActions {
  myId: string;
  myUsername?: string;
  /** The message being edited inline, if any. */
  editingId: string | null;
  setEditing(messageId: string | null): void;
  edit(message: Message, body: string): Promise<void>;
  remove(message: Message): Promise<void>;
  react(message: Message, emoji: string, on: boolean): Promise<void>;
  reply(message: Message): void;
  /** Scrolls to the message with `seq`, loading older history until it is there. */
  jumpTo(seq: number): void;
  copyLink(message: Message): Promise<void>;
  /** Whether this person may pin and unpin here (room moderators; thread and group members). */
  canPin: boolean;
  pin(message: Message, pinned: boolean): Promise<void>;
  /** A room moderator or owner: may delete others' messages. */
  canModerate: boolean;
  /** The six emoji for one click. */
  quickEmoji: readonly string[];
}

export const MessageActionsContext = createContext<MessageActions | null>(null);

export function useMessageActions(): MessageActions | null {
  return useContext(MessageActionsContext);
}

/** The element id of a message, for links (`#message-<seq>`) and jumps. */
export const messageAnchor = (seq: number) => `message-${seq}`;
