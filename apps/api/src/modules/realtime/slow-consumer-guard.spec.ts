import { describe, expect, it, jest } from '@jest/globals';
import { SlowConsumerGuard } from './slow-consumer-guard.js';
import type { ChatServer } from './socket-types.js';

/** A server whose sockets have these many packets waiting. */
function serverWith(pending: number[]) {
  const sockets = pending.map((count, i) => ({
    id: `s${i}`,
    conn: { writeBuffer: new Array(count) },
    disconnect: jest.fn(),
  }));
  const server = { of: () => ({ sockets: new Map(sockets.map((s) => [s.id, s])) }) };
  return { server: server as unknown as ChatServer, sockets };
}

describe('SlowConsumerGuard', () => {
  it('disconnects only the sockets with more than 1000 packets waiting', () => {
    const { server, sockets } = serverWith([0, 1000, 1001, 50_000]);
    new SlowConsumerGuard().check(server);
    expect(sockets.map((s) => s.disconnect.mock.calls.length)).toEqual([0, 0, 1, 1]);
    expect(sockets[2]!.disconnect).toHaveBeenCalledWith(true);
  });
});
