import type { Message, ReplyPreview } from '@chat/contracts';

const EXCERPT_MAX = 140;

/** How a reply shows its parent before the server has answered (the server keeps its own). */
export function replyPreviewOf(message: Message): ReplyPreview {
  const flat = message.body.replace(/\s+/g, ' ').trim();
  const excerpt = flat.length > EXCERPT_MAX ? `${flat.slice(0, EXCERPT_MAX - 1)}…` : flat;
  return { id: message.id, seq: message.seq, senderName: message.sender.name, excerpt };
}

/** Up arrow in an empty composer edits this one: our newest message that can still be edited. */
export function lastEditable(messages: readonly Message[], myId: string): Message | undefined {
  for (let i = messages.length - 1; i >= 0; i -= 1) {
    const message = messages[i]!;
    if (message.sender.id === myId && canEdit(message, myId)) return message;
  }
  return undefined;
}

export function canEdit(message: Message, myId: string | undefined): boolean {
  return message.sender.id === myId && message.kind === 'text' && message.deletedAt === null;
}

/**
 * The first message the reader had not read when the view opened: counting `unread` messages
 * from others back from the newest. Undefined when none are unread or they are not all held.
 */
export function firstUnread(
  messages: readonly Message[],
  myId: string | undefined,
  unread: number,
): Message | undefined {
  if (unread <= 0) return undefined;
  let left = unread;
  for (let i = messages.length - 1; i >= 0; i -= 1) {
    const message = messages[i]!;
    if (message.sender.id === myId) continue;
    left -= 1;
    if (left === 0) return message;
  }
  return undefined;
}
