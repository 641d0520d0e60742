import type { MessageSender, ReplyPreview } from '@chat/contracts';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { noteRead } from '../../../lib/read-markers';
import { GameMenu } from '../../games';
import type { ChatRuntime } from '../api/chat-runtime';
import { useConversation } from '../hooks/use-conversation';
import type { FindMentionables } from '../hooks/use-mention-suggestions';
import { useMessageActionsFor } from '../hooks/use-message-actions';
import { useTypingSignal, useTypingUsers } from '../hooks/use-typing';
import { newestSeq } from '../logic/message-list';
import { firstUnread, lastEditable } from '../logic/reply';
import { usePendingUploads } from '../../attachments';
import { Composer } from './composer';
import { MessageActionsContext } from './message-actions';
import { revealMessage } from './reveal-message';
import { MessageList } from './message-list';
import { PinnedPanel } from './pinned-panel';
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
  /** Unread messages when the view opened (from the thread or room list): "jump to first unread". */
  unreadAtOpen?: number;
  /** Who `@` offers in the composer. */
  findMentionables?: FindMentionables;
  /** May pin and unpin here; shows the pinned panel (threads, groups and rooms). */
  canPin?: boolean;
  showPins?: boolean;
  /** A room moderator or owner: may delete others' messages. */
  canModerate?: boolean;
  /** Read-only (an archived room): the composer is replaced by this notice. */
  readOnlyNotice?: string;
};

/** One view for general, rooms and threads: history, live messages, composer, typing, presence. */
export function ConversationView(props: ConversationViewProps) {
  const { conversationId, label, me, disabledReason, placeholder, showWhosHere, onRead, header } =
    props;
  const { runtime, list, presence, notice } = useConversation(conversationId);
  const uploads = usePendingUploads();
  const canUpload = me?.kind === 'user' && !disabledReason;
  const [dropping, setDropping] = useState(false);
  const [replyTo, setReplyTo] = useState<ReplyPreview | null>(null);
  const permissions = useMemo(
    () => ({
      canPin: Boolean(props.canPin) && !props.readOnlyNotice,
      canModerate: Boolean(props.canModerate) && !props.readOnlyNotice,
    }),
    [props.canPin, props.canModerate, props.readOnlyNotice],
  );
  const actions = useMessageActionsFor(conversationId, me, runtime, setReplyTo, permissions);
  // Counted once, when the view opens: reading on does not move the "New" line.
  const [unreadAtOpen, setUnreadAtOpen] = useState(props.unreadAtOpen ?? 0);
  const firstUnreadMessage = list.data
    ? firstUnread(list.data.messages, me?.id, unreadAtOpen)
    : undefined;
  const typingUsers = useTypingUsers(conversationId, me?.id);
  const typing = useTypingSignal((isTyping) => runtime?.typing(conversationId, isTyping));
  const [loadingOlder, setLoadingOlder] = useState(false);
  // On a narrow screen who's here waits behind a button; wide screens show it beside the chat.
  const [membersOpen, setMembersOpen] = useState(false);
  const membersId = `whos-here-${conversationId}`;
  useReadMarker(conversationId, list.data ? newestSeq(list.data) : 0, onRead, runtime);

  const loadOlder = () => {
    if (!runtime || loadingOlder) return;
    setLoadingOlder(true);
    runtime.loadOlder(conversationId).finally(() => setLoadingOlder(false));
  };

  return (
    <div className="conversation">
      <div
        className={`conversation__main${dropping ? ' conversation__main--dropping' : ''}`}
        onDragOver={(event) => {
          if (!canUpload || !event.dataTransfer.types.includes('Files')) return;
          event.preventDefault();
          setDropping(true);
        }}
        onDragLeave={(event) => {
          if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDropping(false);
        }}
        onDrop={(event) => {
          setDropping(false);
          if (!canUpload || event.dataTransfer.files.length === 0) return;
          event.preventDefault();
          uploads.add([...event.dataTransfer.files]);
        }}
      >
        {header}
        {props.readOnlyNotice ? (
          <p className="conversation__banner" role="status">
            {props.readOnlyNotice}
          </p>
        ) : null}
        {props.showPins || showWhosHere ? (
          <div className="conversation__tools">
            {props.showPins ? (
              <MessageActionsContext value={actions}>
                <PinnedPanel conversationId={conversationId} />
              </MessageActionsContext>
            ) : null}
            {showWhosHere ? (
              <button
                type="button"
                className="conversation__members-toggle button--small"
                aria-expanded={membersOpen}
                aria-controls={membersId}
                onClick={() => setMembersOpen((open) => !open)}
              >
                Who’s here ({presence.count})
              </button>
            ) : null}
          </div>
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
          <MessageActionsContext value={actions}>
            <MessageList
              firstUnreadId={firstUnreadMessage?.id}
              onJumpToFirstUnread={
                unreadAtOpen > 0
                  ? () => {
                      void jumpToFirstUnread(conversationId, runtime, me?.id, unreadAtOpen).then(
                        () => setUnreadAtOpen(0),
                      );
                    }
                  : undefined
              }
              list={list.data}
              label={label}
              myId={me?.id}
              notice={notice ?? null}
              loadingOlder={loadingOlder}
              onLoadOlder={loadOlder}
              onRetry={(clientMsgId) => runtime?.retry(conversationId, clientMsgId)}
            />
          </MessageActionsContext>
        ) : null}
        <TypingIndicator users={typingUsers} />
        {me && !disabledReason && !props.readOnlyNotice ? (
          <GameMenu conversationId={conversationId} />
        ) : null}
        {props.readOnlyNotice ? (
          <p className="composer composer--read-only muted">{props.readOnlyNotice}</p>
        ) : (
          <Composer
            disabledReason={
              disabledReason ?? (me ? undefined : 'Log in or continue as a guest to post.')
            }
            placeholder={placeholder}
            onSend={(body, attachmentIds) => {
              if (me) runtime?.send(conversationId, body, me, replyTo ?? undefined, attachmentIds);
              setReplyTo(null);
            }}
            uploads={canUpload ? uploads : undefined}
            draft={me ? { owner: me.id, conversationId } : undefined}
            replyTo={replyTo}
            onCancelReply={() => setReplyTo(null)}
            onEditLast={
              actions && list.data
                ? () => {
                    const last = lastEditable(list.data.messages, actions.myId);
                    if (last) actions.setEditing(last.id);
                  }
                : undefined
            }
            findMentionables={me?.kind === 'user' ? props.findMentionables : undefined}
            onKeystroke={typing.keystroke}
            onStopTyping={typing.stop}
          />
        )}
      </div>
      {showWhosHere ? <WhosHere id={membersId} open={membersOpen} present={presence} /> : null}
    </div>
  );
}

/** Loads older history until the first unread message is held, then scrolls to it. */
async function jumpToFirstUnread(
  conversationId: string,
  runtime: ChatRuntime | null,
  myId: string | undefined,
  unread: number,
): Promise<void> {
  if (!runtime) return;
  const target = await runtime.loadUntilFound(conversationId, (messages) =>
    firstUnread(messages, myId, unread),
  );
  if (target) revealMessage(target.seq);
}

/** Marks the newest message read whenever it changes while the page is visible. */
function useReadMarker(
  conversationId: string,
  seq: number,
  onRead: ((seq: number) => void) | undefined,
  runtime: ChatRuntime | null,
) {
  const marked = useRef(0);
  const queryClient = useQueryClient();
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
    noteRead(queryClient, conversationId, seq);
    onRead(seq);
    void runtime.markRead(conversationId, seq).then(() => onRead(seq));
  }, [conversationId, seq, visible, onRead, runtime, queryClient]);
}
