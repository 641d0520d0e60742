import type { MessageSender } from '@chat/contracts';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { StartGame } from '../../games';
import type { ChatRuntime } from '../api/chat-runtime';
import { useConversation } from '../hooks/use-conversation';
import { useTypingSignal, useTypingUsers } from '../hooks/use-typing';
import { lastSeq } from '../logic/message-list';
import { Composer } from './composer';
import { MessageList } from './message-list';
import { TypingIndicator } from './typing-indicator';
import { WhosHere } from './whos-here';

type ConversationViewProps = {
  conversationId: string;
  /** Names the message log for screen readers ("Messages in #general"). */
  label: string;
  /** Who posts from here; null for a visitor. */
  me: MessageSender | null;
  /** Set when posting is not possible, with the reason shown at the composer. */
  disabledReason?: string;
  placeholder: string;
  showWhosHere?: boolean;
  /**
   * Keep the read marker at the newest message while the view is visible (threads). Called when
   * the marker is set and again once the server has stored it.
   */
  onRead?: (seq: number) => void;
  header?: ReactNode;
};

/** One view for general, rooms and threads: history, live messages, composer, typing, presence. */
export function ConversationView(props: ConversationViewProps) {
  const { conversationId, label, me, disabledReason, placeholder, showWhosHere, onRead, header } =
    props;
  const { runtime, list, presence, notice } = useConversation(conversationId);
  const typingUsers = useTypingUsers(conversationId, me?.id);
  const typing = useTypingSignal((isTyping) => runtime?.typing(conversationId, isTyping));
  const [loadingOlder, setLoadingOlder] = useState(false);
  // On a narrow screen who's here waits behind a button; wide screens show it beside the chat.
  const [membersOpen, setMembersOpen] = useState(false);
  const membersId = `whos-here-${conversationId}`;
  useReadMarker(conversationId, list.data ? lastSeq(list.data) : 0, onRead, runtime);

  const loadOlder = () => {
    if (!runtime || loadingOlder) return;
    setLoadingOlder(true);
    runtime.loadOlder(conversationId).finally(() => setLoadingOlder(false));
  };

  return (
    <div className="conversation">
      <div className="conversation__main">
        {header}
        {showWhosHere ? (
          <button
            type="button"
            className="conversation__members-toggle button--small"
            aria-expanded={membersOpen}
            aria-controls={membersId}
            onClick={() => setMembersOpen((open) => !open)}
          >
            Who’s here ({presence.length})
          </button>
        ) : null}
        {list.isPending ? <p className="muted conversation__loading">Loading messages…</p> : null}
        {list.isError ? (
          <p className="form__error conversation__loading" role="alert">
            Could not load the messages.{' '}
            <button type="button" onClick={() => void list.refetch()}>
              Try again
            </button>
          </p>
        ) : null}
        {list.data ? (
          <MessageList
            list={list.data}
            label={label}
            myId={me?.id}
            notice={notice ?? null}
            loadingOlder={loadingOlder}
            onLoadOlder={loadOlder}
            onRetry={(clientMsgId) => runtime?.retry(conversationId, clientMsgId)}
          />
        ) : null}
        <TypingIndicator users={typingUsers} />
        {me && !disabledReason ? <StartGame conversationId={conversationId} /> : null}
        <Composer
          disabledReason={
            disabledReason ?? (me ? undefined : 'Log in or continue as a guest to post.')
          }
          placeholder={placeholder}
          onSend={(body) => {
            if (me) runtime?.send(conversationId, body, me);
          }}
          onKeystroke={typing.keystroke}
          onStopTyping={typing.stop}
        />
      </div>
      {showWhosHere ? <WhosHere id={membersId} open={membersOpen} users={presence} /> : null}
    </div>
  );
}

/** Marks the newest message read whenever it changes while the page is visible. */
function useReadMarker(
  conversationId: string,
  seq: number,
  onRead: ((seq: number) => void) | undefined,
  runtime: ChatRuntime | null,
) {
  const marked = useRef(0);
  const [visible, setVisible] = useState(() => document.visibilityState === 'visible');

  useEffect(() => {
    const onChange = () => setVisible(document.visibilityState === 'visible');
    document.addEventListener('visibilitychange', onChange);
    return () => document.removeEventListener('visibilitychange', onChange);
  }, []);

  useEffect(() => {
    marked.current = 0;
  }, [conversationId]);

  useEffect(() => {
    if (!onRead || !runtime || !visible || seq === 0 || seq <= marked.current) return;
    marked.current = seq;
    onRead(seq);
    void runtime.markRead(conversationId, seq).then(() => onRead(seq));
  }, [conversationId, seq, visible, onRead, runtime]);
}
