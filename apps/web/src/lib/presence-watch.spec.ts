import { describe, expect, it, vi } from 'vitest';
import { PresenceWatch } from './presence-watch';
import type { ChatSocket } from './socket';

const A = 'a0000000-0000-4000-8000-000000000000';
const B = 'b0000000-0000-4000-8000-000000000000';
const C = 'c0000000-0000-4000-8000-000000000000';

/** A socket that answers `presence:watch` with "these are online" and records each watch. */
function fakeSocket(online: string[]) {
  const listeners = new Map<string, () => void>();
  const watches: string[][] = [];
  const socket = {
    connected: true,
    on: (event: string, listener: () => void) => listeners.set(event, listener),
    off: (event: string) => listeners.delete(event),
    timeout: () => ({
      emitWithAck: async (_event: string, payload: { userIds: string[] }) => {
        watches.push(payload.userIds);
        return { ok: true, data: { online: payload.userIds.filter((id) => online.includes(id)) } };
      },
    }),
  };
  return {
    socket: socket as unknown as ChatSocket,
    watches,
    fire: (e: string) => listeners.get(e)?.(),
  };
}

describe('PresenceWatch', () => {
  it('watches the union of every view, once per pause, and applies the answer', async () => {
    vi.useFakeTimers();
    const { socket, watches, fire } = fakeSocket([A]);
    const apply = vi.fn();
    const watch = new PresenceWatch(socket, apply);
    const releaseDirectory = watch.show([A, B]);
    watch.show([B, C]);
    await vi.advanceTimersByTimeAsync(200);
    expect(watches).toEqual([[A, B, C]]);
    expect(apply).toHaveBeenCalledWith({ online: [A], offline: [B, C] });

    // The directory scrolled away: the set shrinks, in a new watch.
    releaseDirectory();
    await vi.advanceTimersByTimeAsync(200);
    expect(watches.at(-1)).toEqual([B, C]);
    // Nothing changed: nothing sent; a reconnect sends the set again.
    watch.show([C]);
    await vi.advanceTimersByTimeAsync(200);
    expect(watches).toHaveLength(2);
    fire('connect');
    await vi.advanceTimersByTimeAsync(10);
    expect(watches).toHaveLength(3);
    expect(watches.at(-1)).toEqual([B, C]);
    watch.dispose();
    vi.useRealTimers();
  });

  it('sends the set again once allowed when the server refuses a watch as RATE_LIMITED', async () => {
    vi.useFakeTimers();
    const watches: string[][] = [];
    let refuse = true;
    const socket = {
      connected: true,
      on: () => undefined,
      off: () => undefined,
      timeout: () => ({
        emitWithAck: async (_event: string, payload: { userIds: string[] }) => {
          watches.push(payload.userIds);
          if (refuse) {
            refuse = false;
            return {
              ok: false,
              error: {
                code: 'RATE_LIMITED',
                message: 'slow down',
                details: { retryAfterMs: 3000 },
              },
            };
          }
          return { ok: true, data: { online: [] } };
        },
      }),
    } as unknown as ChatSocket;
    const apply = vi.fn();
    const watch = new PresenceWatch(socket, apply);
    watch.show([A]);
    await vi.advanceTimersByTimeAsync(200);
    expect(watches).toEqual([[A]]);
    expect(apply).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(2500);
    expect(watches).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(600);
    expect(watches).toEqual([[A], [A]]);
    expect(apply).toHaveBeenCalledWith({ online: [], offline: [A] });
    watch.dispose();
    vi.useRealTimers();
  });
});
