import { createServer } from 'node:http';
import { Server } from 'socket.io';

/**
 * The baseline the API is compared with: Socket.IO 4.8 with no auth, no validation and no
 * persistence. It joins rooms and broadcasts what it is sent, acknowledging at once.
 */
const http = createServer((request, response) => {
  response.writeHead(request.url === '/health' ? 200 : 404).end();
});
const io = new Server(http, { maxHttpBufferSize: 16 * 1024 });
let nextId = 0;

io.on('connection', (socket) => {
  socket.on('conversation:join', (payload: { conversationId: string }, ack: (r: unknown) => void) => {
    void socket.join(`conv:${payload.conversationId}`);
    ack({ ok: true, data: { missed: [], hasMore: false } });
  });
  socket.on('message:send', (payload: { conversationId: string; body: string }, ack: (r: unknown) => void) => {
    const message = { id: String(++nextId), conversationId: payload.conversationId, body: payload.body };
    socket.to(`conv:${payload.conversationId}`).emit('message:new', message);
    ack({ ok: true, data: message });
  });
});

http.listen(Number(process.env.PORT), '127.0.0.1');
process.on('SIGTERM', () => {
  void io.close();
  process.exit(0);
});
