import { createServer } from 'node:http';
import { Server } from 'socket.io';

/**
 * The baseline the API is compared with: Socket.IO 4.8 with no auth, no validation and no
 * persistence. It joins rooms and broadcasts what it is sent, acknowledging at once. What it
 * broadcasts has the shape and size of the API's Message, so the comparison measures the API's
 * own work, not a smaller payload.
 */
const http = createServer((request, response) => {
  response.writeHead(request.url === '/health' ? 200 : 404).end();
});
const io = new Server(http, { maxHttpBufferSize: 16 * 1024 });
let nextId = 0;

io.on('connection', (socket) => {
  // The storm's clients watch 50 users each; the baseline answers without doing anything.
  socket.on('presence:watch', (_payload: unknown, ack: (r: unknown) => void) => {
    ack({ ok: true, data: { online: [] } });
  });
  socket.on(
    'conversation:join',
    (payload: { conversationId: string }, ack: (r: unknown) => void) => {
      void socket.join(`conv:${payload.conversationId}`);
      ack({ ok: true, data: { missed: [], hasMore: false } });
    },
  );
  socket.on(
    'message:send',
    (
      payload: { conversationId: string; clientMsgId: string; body: string },
      ack: (r: unknown) => void,
    ) => {
      const seq = ++nextId;
      const message = {
        id: String(seq),
        conversationId: payload.conversationId,
        seq,
        sender: {
          id: socket.id,
          kind: 'user',
          name: 'Bench 1',
          username: 'b1_1',
          avatarColor: '#2563eb',
        },
        body: payload.body,
        clientMsgId: payload.clientMsgId,
        kind: 'text',
        viaBot: false,
        createdAt: new Date().toISOString(),
      };
      socket.to(`conv:${payload.conversationId}`).emit('message:new', message);
      ack({ ok: true, data: message });
    },
  );
});

http.listen(Number(process.env.PORT), '127.0.0.1');
process.on('SIGTERM', () => {
  void io.close();
  process.exit(0);
});
