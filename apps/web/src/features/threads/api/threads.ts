import type { Conversation, CreateGroupBody, Message, Thread, ThreadList } from '@chat/contracts';
import {
  queryOptions,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryClient,
} from '@tanstack/react-query';
import { useCallback } from 'react';
import { apiRequest } from '../../../lib/api-client';
import { readSeqOf } from '../../../lib/read-markers';

export function listThreads(): Promise<ThreadList> {
  return apiRequest<ThreadList>('/api/threads');
}

/** The thread with a user, created on first open. */
export function openThread(userId: string): Promise<Thread> {
  return apiRequest<Thread>('/api/threads', { method: 'POST', body: { userId } });
}

export function createGroup(body: CreateGroupBody): Promise<Conversation> {
  return apiRequest<Conversation>('/api/groups', { method: 'POST', body });
}

export function addGroupMember(groupId: string, userId: string): Promise<Conversation> {
  return apiRequest<Conversation>(`/api/groups/${groupId}/members`, {
    method: 'POST',
    body: { userId },
  });
}

export function renameGroup(groupId: string, name: string): Promise<Conversation> {
  return apiRequest<Conversation>(`/api/groups/${groupId}`, { method: 'PATCH', body: { name } });
}

export function leaveGroup(groupId: string): Promise<void> {
  return apiRequest<void>(`/api/groups/${groupId}/members/me`, { method: 'DELETE' });
}

export const threadsKey = ['threads', 'list'] as const;
/** Why I am out of a group I had open (`conversation:removed`), by conversation id. */
export const threadRemovalKey = (conversationId: string) =>
  ['threads', 'removed', conversationId] as const;

export function threadsQueryOptions(enabled: boolean) {
  return queryOptions({ queryKey: threadsKey, queryFn: listThreads, enabled, staleTime: 60_000 });
}

export function useThreads(enabled: boolean) {
  return useQuery(threadsQueryOptions(enabled));
}

/** Opening is idempotent (open-or-create), so it is a query: cached, deduplicated, retried. */
export function useOpenThread(userId: string | undefined) {
  return useQuery({
    queryKey: ['threads', 'with', userId],
    queryFn: () => openThread(userId!),
    enabled: userId !== undefined,
    staleTime: Infinity,
  });
}

function byRecency(a: Thread, b: Thread): number {
  const at = a.lastMessage?.createdAt ?? '';
  const bt = b.lastMessage?.createdAt ?? '';
  return bt.localeCompare(at);
}

function setThreads(queryClient: QueryClient, change: (threads: Thread[]) => Thread[]): void {
  queryClient.setQueryData<ThreadList>(threadsKey, (list) =>
    list ? { items: change(list.items) } : list,
  );
}

/** The other people's online dots follow their watched presence. */
export function setThreadPartnersOnline(
  queryClient: QueryClient,
  online: readonly string[],
  offline: readonly string[],
): void {
  const on = new Set(online);
  const off = new Set(offline);
  setThreads(queryClient, (threads) =>
    threads.map((thread) => {
      // A group has no single other person to show online.
      if (!thread.otherUser) return thread;
      const id = thread.otherUser.id;
      if (!on.has(id) && !off.has(id)) return thread;
      return { ...thread, otherUser: { ...thread.otherUser, online: on.has(id) } };
    }),
  );
}

/** A thread or group of mine from the thread list, if this tab holds it. */
export function findThread(queryClient: QueryClient, conversationId: string): Thread | undefined {
  return queryClient
    .getQueryData<ThreadList>(threadsKey)
    ?.items.find((thread) => thread.id === conversationId);
}

export function isKnownThread(queryClient: QueryClient, conversationId: string): boolean {
  return (
    queryClient.getQueryData<ThreadList>(threadsKey)?.items.some((t) => t.id === conversationId) ??
    false
  );
}

/** A new message in a thread: it becomes the preview and, from the other person, unread. */
export function recordThreadMessage(
  queryClient: QueryClient,
  message: Message,
  myUserId: string,
): void {
  setThreads(queryClient, (threads) =>
    threads
      .map((thread) =>
        thread.id === message.conversationId && (thread.lastMessage?.seq ?? 0) < message.seq
          ? {
              ...thread,
              lastMessage: message,
              unread: message.sender.id === myUserId ? thread.unread : thread.unread + 1,
            }
          : thread,
      )
      .sort(byRecency),
  );
}

export function addThread(queryClient: QueryClient, thread: Thread): void {
  setThreads(queryClient, (threads) =>
    threads.some((t) => t.id === thread.id) ? threads : [thread, ...threads].sort(byRecency),
  );
}

export function markThreadRead(queryClient: QueryClient, conversationId: string): void {
  setThreads(queryClient, (threads) =>
    threads.map((thread) =>
      thread.id === conversationId && (thread.unread > 0 || thread.mentionCount > 0)
        ? { ...thread, unread: 0, mentionCount: 0 }
        : thread,
    ),
  );
}

/** A `mention:new` in a thread counts, unless this tab has already read past it. */
export function recordThreadMention(queryClient: QueryClient, message: Message): void {
  if (message.seq <= readSeqOf(queryClient, message.conversationId)) return;
  setThreads(queryClient, (threads) =>
    threads.map((thread) =>
      thread.id === message.conversationId
        ? { ...thread, mentionCount: thread.mentionCount + 1 }
        : thread,
    ),
  );
}

export function removeThread(queryClient: QueryClient, conversationId: string): void {
  setThreads(queryClient, (threads) => threads.filter((thread) => thread.id !== conversationId));
}

/** A group change (create, add, rename, leave): the thread list is asked again after it. */
export function useGroupChange<T, R>(change: (input: T) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: change,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: threadsKey }),
  });
}

/** The group as the thread list holds it (name, members, counts); the list is fetched if need be. */
export function useGroup(groupId: string) {
  return useQuery({
    ...threadsQueryOptions(true),
    select: (list: ThreadList) => list.items.find((thread) => thread.id === groupId),
  });
}

/** Why I lost this group while it was open (left in another tab), if I did. */
export function useGroupRemoval(groupId: string) {
  return useQuery({
    queryKey: threadRemovalKey(groupId),
    queryFn: () => null as string | null,
    enabled: false,
    staleTime: Infinity,
  });
}

/** Marks a group read in the list (its unread and mention badges go). */
export function useGroupRead(groupId: string) {
  const queryClient = useQueryClient();
  return useCallback(() => markThreadRead(queryClient, groupId), [queryClient, groupId]);
}
