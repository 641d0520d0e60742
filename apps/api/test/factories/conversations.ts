import type {
  ApiErrorBody,
  Conversation,
  JoinResult,
  Membership,
  Message,
  MessagePage,
  Thread,
} from '@chat/contracts';
import { randomBytes, randomUUID } from 'node:crypto';
import type { HttpClient } from '../support/http-client.js';
import type { TestSocket } from '../support/test-socket.js';
import { signUp, type SignedUpUser } from './users.js';

export async function generalConversation(http: HttpClient): Promise<Conversation> {
  const res = await http.get<{ items: Conversation[] }>('/api/rooms');
  const general = res.body.items.find((c) => c.kind === 'general');
  if (!general) throw new Error('no general conversation');
  return general;
}

export async function createRoom(http: HttpClient, token: string, name: string, topic?: string) {
  const res = await http.post<Conversation>(
    '/api/rooms',
    { name, ...(topic ? { topic } : {}) },
    { token },
  );
  if (res.status !== 201)
    throw new Error(`create room failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export async function joinRoom(http: HttpClient, token: string, slug: string) {
  const res = await http.post<Membership>(`/api/rooms/${slug}/join`, undefined, { token });
  if (res.status !== 200 && res.status !== 201) {
    throw new Error(`join room failed: ${res.status} ${JSON.stringify(res.body)}`);
  }
  return res.body;
}

/** The private thread of the caller with `userId` (created if missing). */
export async function openThread(http: HttpClient, token: string, userId: string) {
  const res = await http.post<Thread>('/api/threads', { userId }, { token });
  if (res.status !== 200 && res.status !== 201) {
    throw new Error(`open thread failed: ${res.status} ${JSON.stringify(res.body)}`);
  }
  return res.body;
}

/** Sends a text message over the socket and returns the stored message (throws on an error ack). */
export async function sendMessage(
  socket: TestSocket,
  conversationId: string,
  body: string,
  clientMsgId = randomUUID(),
) {
  const ack = await socket.call<Message>('message:send', { conversationId, clientMsgId, body });
  if (!ack.ok) throw new Error(`send failed: ${JSON.stringify(ack.error)}`);
  return ack.data;
}

/** One page of history as `token` (or a visitor) sees it. */
export function history(http: HttpClient, conversationId: string, token?: string, query = '') {
  return http.get<MessagePage & Partial<ApiErrorBody>>(
    `/api/conversations/${conversationId}/messages${query ? `?${query}` : ''}`,
    token ? { token } : {},
  );
}

/** Joins over the socket and returns the join result (throws on an error ack). */
export async function joinConversation(
  socket: TestSocket,
  conversationId: string,
  afterSeq?: number,
) {
  const ack = await socket.call<JoinResult>('conversation:join', {
    conversationId,
    ...(afterSeq === undefined ? {} : { afterSeq }),
  });
  if (!ack.ok) throw new Error(`join failed: ${JSON.stringify(ack.error)}`);
  return ack.data;
}

/** A room owned by a fresh user, with `count` more fresh users as members. */
export async function roomWithMembers(http: HttpClient, count: number) {
  const owner = await signUp(http);
  const room = await createRoom(http, owner.accessToken, `Room ${randomBytes(4).toString('hex')}`);
  const members: SignedUpUser[] = [];
  for (let i = 0; i < count; i++) {
    const member = await signUp(http);
    await joinRoom(http, member.accessToken, room.slug!);
    members.push(member);
  }
  return { owner, room, members };
}
