import type { Message, MessageSender, ReplyPreview } from '@chat/contracts';
import { useEffect, useMemo, useState } from 'react';
import type { ChatRuntime } from '../api/chat-runtime';
import { messageAnchor, type MessageActions } from '../components/message-actions';
import { revealMessage } from '../components/reveal-message';
import { quickEmoji, recordEmojiUse } from '../logic/emoji-usage';
import { replyPreviewOf } from '../logic/reply';

const ANCHOR = /^#message-(\d+)$/;

/**
 * The actions a message offers here, for the person posting (null for a visitor). A link with
 * `#message-<seq>` opens the conversation at that message.
 */
export function useMessageActionsFor(
  conversationId: string,
  me: MessageSender | null,
  runtime: ChatRuntime | null,
  setReplyTo: (reply: ReplyPreview | null) => void,
  permissions: { canPin: boolean; canModerate: boolean } = { canPin: false, canModerate: false },
): MessageActions | null {
  const { canPin, canModerate } = permissions;
  const [editingId, setEditing] = useState<string | null>(null);
  const [quick, setQuick] = useState(() => (me ? quickEmoji(me.id) : []));
  const myId = me?.id;
  const myUsername = me?.username;

  const actions = useMemo((): MessageActions | null => {
    if (!myId || !runtime) return null;
    const jumpTo = (seq: number) => {
      void runtime
        .loadUntilFound(conversationId, (messages) => messages.find((m) => m.seq <= seq))
        .then(() => revealMessage(seq));
    };
    return {
      myId,
      myUsername,
      editingId,
      setEditing,
      edit: (message, body) => runtime.edit(message, body),
      remove: (message) => runtime.remove(message),
      react: async (message: Message, emoji: string, on: boolean) => {
        if (on) {
          recordEmojiUse(myId, emoji);
          setQuick(quickEmoji(myId));
        }
        await runtime.react(message, emoji, on);
      },
      reply: (message) => setReplyTo(replyPreviewOf(message)),
      jumpTo,
      copyLink: (message) => {
        const url = new URL(window.location.href);
        url.hash = messageAnchor(message.seq);
        return navigator.clipboard.writeText(url.toString());
      },
      quickEmoji: quick,
      canPin,
      pin: (message, pinned) => runtime.pin(message, pinned),
      canModerate,
    };
  }, [
    conversationId,
    myId,
    myUsername,
    runtime,
    editingId,
    quick,
    setReplyTo,
    canPin,
    canModerate,
  ]);

  // Opened from a copied link: go to that message once.
  useEffect(() => {
    const match = ANCHOR.exec(window.location.hash);
    if (!match || !runtime) return;
    const seq = Number(match[1]);
    void runtime
      .loadUntilFound(conversationId, (messages) => messages.find((m) => m.seq <= seq))
      .then(() => revealMessage(seq));
  }, [conversationId, runtime]);

  return actions;
}
