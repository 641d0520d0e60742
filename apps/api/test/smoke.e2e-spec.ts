import { describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { generalConversation } from './factories/conversations.js';
import { signUp } from './factories/users.js';
import { useTestApp } from './support/use-test-app.js';
import { connectSocket } from './support/test-socket.js';

describe('smoke: a private conversation end to end', () => {
  const app = useTestApp();

  it('two users exchange a private message and it is in the history', async () => {
    const ann = await signUp(app.http);
    const bob = await signUp(app.http);
    const annSocket = await connectSocket(app.baseUrl, ann.accessToken);
    const bobSocket = await connectSocket(app.baseUrl, bob.accessToken);
    try {
      const opened = await app.http.post(
        '/api/threads',
        { userId: bob.user.id },
        { token: ann.accessToken },
      );
      expect(opened.status).toBe(201);
      await bobSocket.next('thread:new');
      const sent = await annSocket.call('message:send', {
        conversationId: opened.body.id,
        clientMsgId: randomUUID(),
        body: '  hello bob  ',
      });
      expect(sent).toMatchObject({ ok: true, data: { seq: 1, body: 'hello bob' } });
      const received = await bobSocket.next('message:new');
      expect(received.body).toBe('hello bob');
      const history = await app.http.get(`/api/conversations/${opened.body.id}/messages`, {
        token: bob.accessToken,
      });
      expect(history.body.items.map((m: { body: string }) => m.body)).toEqual(['hello bob']);
      const general = await generalConversation(app.http);
      const joined = await annSocket.call('conversation:join', {
        conversationId: general.id,
        afterSeq: 0,
      });
      expect(joined.ok).toBe(true);
    } finally {
      annSocket.close();
      bobSocket.close();
    }
  });
});
