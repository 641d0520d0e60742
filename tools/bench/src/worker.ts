import { io, type Socket } from 'socket.io-client';
import { Histogram, wallClockMs } from './histogram.js';
import { reactionOp, type FromWorker, type ToWorker } from './worker-protocol.js';

/** A client worker: many socket.io-client connections, driven by the main process over IPC. */
let sockets: Socket[] = [];
let latency = new Histogram();
let received = 0;
let updated = 0;
/** Server events each storm socket received (frames), by socket index. */
let frames: number[] = [];

const reply = (message: FromWorker) => void process.send!(message);

process.on('message', (message: ToWorker) => {
  handle(message).catch((error: Error) => reply({ type: 'error', message: error.message }));
});

async function handle(message: ToWorker): Promise<void> {
  switch (message.type) {
    case 'connect':
      return connect(message);
    case 'storm':
      return storm(message);
    case 'frames':
      reply({ type: 'frames', perSocket: frames });
      return;
    case 'reset':
      latency = new Histogram();
      received = 0;
      updated = 0;
      return;
    case 'report':
      reply({ type: 'report', received, updated, latency: latency.toSparse() });
      return;
    case 'send':
      return send(message);
    case 'ops':
      return ops(message);
    case 'close':
      sockets.forEach((socket) => socket?.disconnect());
      sockets = [];
      setTimeout(() => process.exit(0), 50);
  }
}

async function connect(command: Extract<ToWorker, { type: 'connect' }>): Promise<void> {
  const started = Date.now();
  let failed = 0;
  let next = 0;
  // Socket i belongs to token i, so the main process can address sockets by index.
  sockets = new Array<Socket>(command.tokens.length);
  const one = async () => {
    while (next < command.tokens.length) {
      const index = next++;
      const token = command.tokens[index]!;
      const socket = io(command.url, {
        transports: ['websocket'],
        reconnection: false,
        forceNew: true,
        auth: token ? { token } : {},
      });
      try {
        await new Promise<void>((resolve, reject) => {
          socket.once('connect', resolve);
          socket.once('connect_error', reject);
        });
        if (command.conversationId) {
          const ack = await socket
            .timeout(30_000)
            .emitWithAck('conversation:join', { conversationId: command.conversationId });
          if (!ack.ok) throw new Error(`join failed: ${JSON.stringify(ack.error)}`);
        }
        socket.on('message:new', onMessage);
        socket.on('message:updated', () => updated++);
        sockets[index] = socket;
      } catch {
        failed++;
        socket.disconnect();
      }
    }
  };
  await Promise.all(Array.from({ length: command.concurrency }, one));
  reply({
    type: 'connected',
    connected: sockets.filter(Boolean).length,
    failed,
    ms: Date.now() - started,
  });
}

async function storm(command: Extract<ToWorker, { type: 'storm' }>): Promise<void> {
  const refused: Record<string, number> = {};
  const deadline = Date.now() + command.deadlineMs;
  let lastReadyAt = 0;
  let failed = 0;
  frames = new Array<number>(command.tokens.length).fill(0);
  sockets = new Array<Socket>(command.tokens.length);
  const one = (index: number) =>
    new Promise<void>((resolve) => {
      const token = command.tokens[index];
      const socket = io(command.urls[index % command.urls.length]!, {
        transports: ['websocket'],
        reconnection: false,
        forceNew: true,
        timeout: command.deadlineMs,
        auth: token ? { token } : {},
      });
      sockets[index] = socket;
      socket.onAny(() => frames[index]!++);
      socket.once(command.readyEvent, () => {
        if (command.readyEvent === 'connect') frames[index]!++; // as the API's `session`
        socket.emit('presence:watch', { userIds: command.watches[index] }, () => {
          lastReadyAt = Math.max(lastReadyAt, Date.now());
          resolve();
        });
      });
      socket.on('connect_error', (error: Error & { data?: { code?: string } }) => {
        const code = error.data?.code ?? error.message;
        refused[code] = (refused[code] ?? 0) + 1;
        if (Date.now() > deadline) {
          failed++;
          return resolve();
        }
        // As the web app does with a refused handshake.
        setTimeout(() => socket.connect(), 1000 + Math.random() * 2000);
      });
    });
  await Promise.all(command.tokens.map((_, index) => one(index)));
  reply({
    type: 'stormed',
    connected: sockets.filter((s) => s?.connected).length,
    refused,
    failed,
    lastReadyAt,
  });
}

function onMessage(message: { body: string }): void {
  const sentAt = Number(message.body.split(' ')[1]);
  if (Number.isFinite(sentAt)) latency.record(wallClockMs() - sentAt);
  received++;
}

async function send(command: Extract<ToWorker, { type: 'send' }>): Promise<void> {
  const ackLatency = new Histogram();
  const errors = new Set<string>();
  let sent = 0;
  let acked = 0;
  let failed = 0;
  const deadline = Date.now() + command.durationMs;
  const senders = sockets.slice(0, command.senders);

  const sendOne = async (socket: Socket, conversationId: string) => {
    const at = wallClockMs();
    sent++;
    try {
      const ack = await socket.timeout(30_000).emitWithAck('message:send', {
        conversationId,
        clientMsgId: crypto.randomUUID(),
        body: `bench ${at}`,
      });
      if (ack.ok) {
        acked++;
        ackLatency.record(wallClockMs() - at);
      } else {
        failed++;
        errors.add(ack.error.code);
      }
    } catch (error) {
      failed++;
      errors.add((error as Error).message);
    }
  };

  await Promise.all(
    senders.map(async (socket, index) => {
      if (!socket) return;
      const conversationId = command.conversationIds[index % command.conversationIds.length]!;
      if (command.ratePerSender === null) {
        // Flat out: keep `window` sends in flight until the deadline.
        await Promise.all(
          Array.from({ length: command.window }, async () => {
            while (Date.now() < deadline) await sendOne(socket, conversationId);
          }),
        );
        return;
      }
      const interval = 1000 / command.ratePerSender;
      const start = wallClockMs();
      const inFlight: Array<Promise<void>> = [];
      for (let i = 0; Date.now() < deadline; i++) {
        const due = start + i * interval;
        const wait = due - wallClockMs();
        if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
        inFlight.push(sendOne(socket, conversationId));
      }
      await Promise.all(inFlight);
    }),
  );
  reply({
    type: 'sent',
    sent,
    acked,
    failed,
    ackLatency: ackLatency.toSparse(),
    errors: [...errors].slice(0, 5),
  });
}

/** A fixed number of sends or reaction toggles from the first socket, `window` lanes at once. */
async function ops(command: Extract<ToWorker, { type: 'ops' }>): Promise<void> {
  const socket = sockets[0];
  if (!socket) throw new Error('no socket to act from');
  const ackLatency = new Histogram();
  const errors = new Set<string>();
  let acked = 0;
  let failed = 0;
  const perLane = Math.ceil(command.count / command.window);
  const one = async (event: string, payload: object) => {
    const at = wallClockMs();
    try {
      const ack = await socket.timeout(30_000).emitWithAck(event, payload);
      if (ack.ok) {
        acked++;
        ackLatency.record(wallClockMs() - at);
      } else {
        failed++;
        errors.add(ack.error.code);
      }
    } catch (error) {
      failed++;
      errors.add((error as Error).message);
    }
  };
  await Promise.all(
    Array.from({ length: command.window }, async (_, lane) => {
      for (let i = 0; i < perLane && lane * perLane + i < command.count; i++) {
        if (command.op === 'send') {
          await one('message:send', {
            conversationId: command.conversationId,
            clientMsgId: crypto.randomUUID(),
            body: `bench ${wallClockMs()}`,
          });
        } else {
          const { messageId, emoji, add } = reactionOp(command.messageIds, command.window, lane, i);
          await one(add ? 'reaction:add' : 'reaction:remove', { messageId, emoji });
        }
      }
    }),
  );
  reply({
    type: 'opsDone',
    acked,
    failed,
    ackLatency: ackLatency.toSparse(),
    errors: [...errors].slice(0, 5),
  });
}
