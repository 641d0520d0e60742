import {
  LIMITS,
  type Ack,
  type PresenceWatchResult,
  type UserPresenceChanged,
} from '@chat/contracts';
import { createContext, useContext, useEffect } from 'react';
import type { ChatSocket } from './socket';

/** Scrolling and typing in a search change the rows on screen often; one watch per pause. */
const WATCH_DEBOUNCE_MS = 150;

/**
 * The users this socket shows, gathered from every view that shows some (directory rows on
 * screen, the thread list, a room's members) into the one `presence:watch` the contract wants.
 * It is sent again after each change of the set (debounced) and on every (re)connect; its answer
 * reaches the same handlers as the server's `presence:changed` frames, so the query cache
 * follows both.
 */
export class PresenceWatch {
  private readonly views = new Map<symbol, readonly string[]>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private sent = '';
  private readonly onConnect = () => {
    this.sent = '';
    this.schedule(0);
  };

  constructor(
    private readonly socket: ChatSocket,
    /** Where the answer goes: the same handlers as `presence:changed`. */
    private readonly apply: (change: UserPresenceChanged) => void,
  ) {
    socket.on('connect', this.onConnect);
  }

  /** A view shows these users; call the returned function when it no longer does. */
  show(userIds: readonly string[]): () => void {
    const view = Symbol('view');
    this.views.set(view, userIds);
    this.schedule();
    return () => {
      this.views.delete(view);
      this.schedule();
    };
  }

  /** The watched set: every view's users, once each, at most the contract's limit. */
  watched(): string[] {
    const ids = new Set<string>();
    for (const list of this.views.values()) for (const id of list) ids.add(id);
    return [...ids].slice(0, LIMITS.presenceWatchMax);
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.socket.off('connect', this.onConnect);
    this.views.clear();
  }

  private schedule(delayMs = WATCH_DEBOUNCE_MS): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.send(), delayMs);
  }

  private async send(): Promise<void> {
    if (!this.socket.connected) return; // sent on connect
    const userIds = this.watched();
    const key = [...userIds].sort().join(',');
    if (key === this.sent) return;
    this.sent = key;
    try {
      const ack: Ack<PresenceWatchResult> = await this.socket
        .timeout(10_000)
        .emitWithAck('presence:watch', { userIds });
      if (!ack.ok) {
        // Refused (too many watches in a row): send the newest set again once allowed.
        this.sent = '';
        if (ack.error.code === 'RATE_LIMITED') {
          const details = ack.error.details;
          const wait = details && 'retryAfterMs' in details ? details.retryAfterMs : 1000;
          this.schedule(wait);
        }
        return;
      }
      const online = new Set(ack.data.online);
      this.apply({
        online: ack.data.online,
        offline: userIds.filter((id) => !online.has(id)),
      });
    } catch {
      this.sent = ''; // timed out or disconnected: the next connect sends it again
    }
  }
}

export const PresenceWatchContext = createContext<PresenceWatch | null>(null);

/** Keeps these users watched while the calling component shows them. */
export function useWatchPresence(userIds: readonly string[]): void {
  const watch = useContext(PresenceWatchContext);
  const key = userIds.join(',');
  useEffect(() => {
    if (!watch || key === '') return;
    return watch.show(key.split(','));
  }, [watch, key]);
}
