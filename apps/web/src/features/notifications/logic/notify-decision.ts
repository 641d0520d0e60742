import type { ConversationKind, Message } from '@chat/contracts';
import { plainText } from './plain-text';

/** What arrived: any new message in a conversation, or the `mention:new` about one. */
export type Arrival = 'message' | 'mention';

export interface NotifyInput {
  arrival: Arrival;
  message: Message;
  /** The conversation's kind, when this tab knows it (undefined: not one of mine in the lists). */
  kind: ConversationKind | undefined;
  /** How the conversation is named in a title: "#general", "#design", "Team lunch". */
  conversationName: string | undefined;
  myId: string;
  /** `document.visibilityState === 'hidden'`. */
  hidden: boolean;
  muted: boolean;
}

export type NotifyDecision =
  | { notify: false; reason: NoNotifyReason }
  | { notify: true; title: string; body: string; tag: string };

export type NoNotifyReason =
  'visible' | 'mine' | 'bot' | 'not-a-message' | 'muted' | 'not-private-or-mention';

/**
 * Should this message show a browser notification? Only while the tab is hidden; never for my
 * own messages, the bot's, system lines or tombstones, nor in a muted conversation; then for a
 * mention anywhere, and for any message in a private conversation (a thread or a group).
 * One notification per conversation at a time: the tag is the conversation's id.
 */
export function decideNotification(input: NotifyInput): NotifyDecision {
  const { message, arrival, kind } = input;
  if (!input.hidden) return { notify: false, reason: 'visible' };
  if (message.sender.id === input.myId) return { notify: false, reason: 'mine' };
  if (message.viaBot) return { notify: false, reason: 'bot' };
  if (message.kind === 'system' || message.deletedAt !== null) {
    return { notify: false, reason: 'not-a-message' };
  }
  if (input.muted) return { notify: false, reason: 'muted' };
  const mentioned = arrival === 'mention' || message.mentions.includes(input.myId);
  const isPrivate = kind === 'direct' || kind === 'group';
  if (!mentioned && !isPrivate) return { notify: false, reason: 'not-private-or-mention' };

  const sender = message.sender.name;
  const where = kind === 'direct' ? undefined : input.conversationName;
  const title = mentioned
    ? `${sender} mentioned you${where ? ` in ${where}` : ''}`
    : `${sender}${where ? ` in ${where}` : ''}`;
  const body = message.kind === 'game' ? 'Started a game of tic-tac-toe' : plainText(message.body);
  return { notify: true, title, body, tag: message.conversationId };
}
