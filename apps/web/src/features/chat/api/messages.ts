import {
  LIMITS,
  type EditMessageBody,
  type Message,
  type MessagePage,
  type PinnedList,
} from '@chat/contracts';
import { queryOptions } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { listFromNewestPage, type MessageList } from '../logic/message-list';
import { NOBODY_PRESENT, type ConversationPresence } from '../logic/presence';

export function fetchMessages(
  conversationId: string,
  cursor: { before?: number; after?: number; limit?: number } = {},
): Promise<MessagePage> {
  return apiRequest<MessagePage>(`/api/conversations/${conversationId}/messages`, {
    query: { limit: LIMITS.historyPageDefault, ...cursor },
  });
}

/** Every message changed after a counter value (new, edited, deleted, reacted), by `rev`. */
export function fetchChanges(
  conversationId: string,
  after: number,
  limit: number = LIMITS.missedOnJoinMax,
): Promise<MessagePage> {
  return apiRequest<MessagePage>(`/api/conversations/${conversationId}/changes`, {
    query: { after, limit },
  });
}

// The REST side of the message actions: used while the socket is down, with the same answers.
export function patchMessage(messageId: string, body: EditMessageBody): Promise<Message> {
  return apiRequest<Message>(`/api/messages/${messageId}`, { method: 'PATCH', body });
}

export function deleteMessage(messageId: string): Promise<Message> {
  return apiRequest<Message>(`/api/messages/${messageId}`, { method: 'DELETE' });
}

export function putReaction(messageId: string, emoji: string, on: boolean): Promise<Message> {
  return apiRequest<Message>(`/api/messages/${messageId}/reactions/${encodeURIComponent(emoji)}`, {
    method: on ? 'PUT' : 'DELETE',
  });
}

export function putPin(messageId: string, pinned: boolean): Promise<Message> {
  return apiRequest<Message>(`/api/messages/${messageId}/pin`, {
    method: pinned ? 'PUT' : 'DELETE',
  });
}

export function fetchPins(conversationId: string): Promise<PinnedList> {
  return apiRequest<PinnedList>(`/api/conversations/${conversationId}/pins`);
}

export function postRead(conversationId: string, seq: number): Promise<void> {
  return apiRequest<void>(`/api/conversations/${conversationId}/read`, {
    method: 'POST',
    body: { seq },
  });
}

export const conversationKey = (conversationId: string) =>
  ['conversations', conversationId] as const;
export const messagesKey = (conversationId: string) =>
  [...conversationKey(conversationId), 'messages'] as const;
export const presenceKey = (conversationId: string) =>
  [...conversationKey(conversationId), 'presence'] as const;
export const pinsKey = (conversationId: string) =>
  [...conversationKey(conversationId), 'pins'] as const;
export const noticeKey = (conversationId: string) =>
  [...conversationKey(conversationId), 'notice'] as const;

/** The newest page over REST; after that the socket keeps the list current. */
export function messageListQueryOptions(conversationId: string) {
  return queryOptions({
    queryKey: messagesKey(conversationId),
    queryFn: async (): Promise<MessageList> =>
      listFromNewestPage(await fetchMessages(conversationId)),
    staleTime: Infinity,
    gcTime: 10 * 60_000,
  });
}

export function presenceQueryOptions(conversationId: string) {
  return queryOptions({
    queryKey: presenceKey(conversationId),
    // Filled by the join ack and presence events, never fetched.
    queryFn: (): ConversationPresence => NOBODY_PRESENT,
    initialData: NOBODY_PRESENT,
    staleTime: Infinity,
  });
}

export function noticeQueryOptions(conversationId: string) {
  return queryOptions({
    queryKey: noticeKey(conversationId),
    queryFn: (): string | null => null,
    initialData: null as string | null,
    staleTime: Infinity,
  });
}

/** The conversation's pinned messages, newest pin first; live changes keep it (logic/pins). */
export function pinsQueryOptions(conversationId: string) {
  return queryOptions({
    queryKey: pinsKey(conversationId),
    queryFn: () => fetchPins(conversationId),
  });
}
