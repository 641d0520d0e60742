import type { Conversation } from '@chat/contracts';
import type { HttpClient } from '../support/http-client.js';

export async function generalConversation(http: HttpClient): Promise<Conversation> {
  const res = await http.get<{ items: Conversation[] }>('/api/rooms');
  const general = res.body.items.find((c) => c.kind === 'general');
  if (!general) throw new Error('no general conversation');
  return general;
}

export async function createRoom(http: HttpClient, token: string, name: string, topic?: string) {
  const res = await http.post<Conversation>('/api/rooms', { name, ...(topic ? { topic } : {}) }, { token });
  if (res.status !== 201) throw new Error(`create room failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}
