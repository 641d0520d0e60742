import { afterAll, afterEach, beforeAll } from '@jest/globals';
import type { HttpClient } from './http-client.js';
import { startTestApp, type TestApp } from './test-app.js';
import { queryDatabase, type TestDatabase } from './test-database.js';
import { connectSocket, type TestSocket } from './test-socket.js';

/** A `messages` row as `messagesIn` reads it (`seq` is a bigint, so pg returns a string). */
export interface MessageRow {
  seq: string;
  body: string;
  kind: string;
  sender_id: string;
}
type MessageColumn = keyof MessageRow;
const MESSAGE_COLUMNS: readonly MessageColumn[] = ['seq', 'body', 'kind', 'sender_id'];

export interface TestAppFixture {
  /** The running app. Reading it (or a shortcut below) before `beforeAll` has started it throws. */
  readonly app: TestApp;
  /** Shortcuts for `app.http`, `app.baseUrl` and `app.database`. */
  readonly http: HttpClient;
  readonly baseUrl: string;
  readonly database: TestDatabase;
  /** Connects a socket as `token` (a visitor without one); the fixture closes it. */
  connect(token?: string): Promise<TestSocket>;
  /** The messages of a conversation in seq order, with `columns` (all four by default). */
  messagesIn<C extends MessageColumn = MessageColumn>(
    conversationId: string,
    columns?: readonly C[],
  ): Promise<Array<Pick<MessageRow, C>>>;
}

/**
 * One app for the describe block it is called in: started before its first test (with `env`,
 * see `startTestApp`), closed after its last. Sockets opened with `connect` are closed after
 * each test, or with `{ closeSockets: 'afterAll' }` only when the app closes (for files whose
 * sockets, opened in a `beforeAll`, serve several tests).
 */
export function useTestApp(
  env: Record<string, string> = {},
  options: { closeSockets?: 'afterEach' | 'afterAll' } = {},
): TestAppFixture {
  let running: TestApp | undefined;
  const sockets: TestSocket[] = [];
  const closeSockets = () => sockets.splice(0).forEach((socket) => socket.close());

  beforeAll(async () => {
    running = await startTestApp(env);
  });
  if (options.closeSockets !== 'afterAll') afterEach(closeSockets);
  afterAll(async () => {
    closeSockets();
    await running?.close();
  });

  const app = (): TestApp => {
    if (!running) {
      throw new Error('useTestApp: the app is not started yet; read it in a test or a hook');
    }
    return running;
  };
  return {
    get app() {
      return app();
    },
    get http() {
      return app().http;
    },
    get baseUrl() {
      return app().baseUrl;
    },
    get database() {
      return app().database;
    },
    connect: async (token?: string) => {
      const socket = await connectSocket(app().baseUrl, token);
      sockets.push(socket);
      return socket;
    },
    messagesIn: (conversationId: string, columns: readonly MessageColumn[] = MESSAGE_COLUMNS) =>
      queryDatabase<MessageRow>(
        app().database.url,
        `SELECT ${columns.join(', ')} FROM messages WHERE conversation_id = $1 ORDER BY seq`,
        [conversationId],
      ),
  };
}
