import type { ClientToServerEvents, ConnectErrorData, ServerToClientEvents } from '@chat/contracts';
import { io, type Socket } from 'socket.io-client';
import { getAccessToken, refreshAccessToken } from './api-client';

export type ChatSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** What the connection banner shows. */
export type ConnectionStatus = 'connecting' | 'connected' | 'reconnecting' | 'offline';

export interface SocketSession {
  socket: ChatSocket;
  status(): ConnectionStatus;
  onStatus(listener: () => void): () => void;
  close(): void;
}

export interface SocketSessionOptions {
  /** The handshake said the token is bad and refreshing did not help. */
  onAuthFailed(): void;
}

/**
 * One Socket.IO connection for the current session (user, guest or visitor). The token is read
 * at every (re)connect, so a refreshed token is picked up without rebuilding the socket.
 */
export function createSocketSession(options: SocketSessionOptions): SocketSession {
  const socket: ChatSocket = io({
    auth: (cb) => {
      const token = getAccessToken();
      cb(token ? { token } : {});
    },
    // Polling needs sticky sessions; WebSocket goes straight to one process.
    transports: ['websocket'],
  });

  let status: ConnectionStatus = isBrowserOffline() ? 'offline' : 'connecting';
  const listeners = new Set<() => void>();
  const setStatus = (next: ConnectionStatus) => {
    if (next === status) return;
    status = next;
    for (const listener of listeners) listener();
  };

  // A first connect takes a moment; only if it drags on is it worth a banner.
  const slowStart = setTimeout(() => {
    if (status === 'connecting') setStatus('reconnecting');
  }, 3_000);

  socket.on('connect', () => setStatus('connected'));
  socket.on('disconnect', () => setStatus(isBrowserOffline() ? 'offline' : 'reconnecting'));
  socket.io.on('reconnect_attempt', () => {
    if (!isBrowserOffline()) setStatus('reconnecting');
  });

  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  const retryLater = (delayMs = 2_000) => {
    clearTimeout(retryTimer);
    retryTimer = setTimeout(() => {
      if (!socket.connected && !isBrowserOffline()) socket.connect();
    }, delayMs);
  };

  let refreshedOnce = false;
  socket.on('connect_error', (error) => {
    const data = (error as Error & { data?: ConnectErrorData }).data;
    const code = data?.code;
    if (code !== 'TOKEN_EXPIRED' && code !== 'UNAUTHORIZED') {
      setStatus(isBrowserOffline() ? 'offline' : 'reconnecting');
      // Network trouble: the manager retries by itself. A refusal by the server's handshake
      // (INTERNAL: it could not check the token just now) is final for socket.io, so retry here.
      // RATE_LIMITED (too many connections open) says when to come back.
      if (!socket.active) retryLater(data?.retryAfterMs);
      return;
    }
    // A handshake refusal is final for socket.io; refresh once, then connect again by hand.
    if (refreshedOnce) {
      options.onAuthFailed();
      return;
    }
    refreshedOnce = true;
    void refreshAccessToken().then((token) => {
      if (token) socket.connect();
      else options.onAuthFailed();
    });
  });
  socket.on('connect', () => {
    refreshedOnce = false;
  });

  // The server asks shortly before the access token runs out: refresh it and hand the new one
  // to the live socket, which keeps its conversations (no reconnect, nothing to catch up on).
  // If that fails the server disconnects at expiry and the reconnect below takes over.
  socket.on('auth:expiring', () => {
    void refreshAccessToken().then(async (token) => {
      if (!token || !socket.connected) return;
      await socket
        .timeout(10_000)
        .emitWithAck('auth:refresh', { token })
        .catch(() => undefined);
    });
  });

  // A disconnect by the server (token expired unrefreshed, signed out elsewhere, a socket that
  // stopped reading) is final for socket.io. Connect again shortly: the handshake tells whether
  // the token still works, and connect_error above refreshes it or signs out.
  let serverDisconnectTimer: ReturnType<typeof setTimeout> | undefined;
  socket.on('disconnect', (reason) => {
    if (reason !== 'io server disconnect') return;
    clearTimeout(serverDisconnectTimer);
    serverDisconnectTimer = setTimeout(() => {
      if (!socket.connected && !isBrowserOffline()) socket.connect();
    }, 250);
  });

  // The process is shutting down: closing the transport (not the socket) makes the manager
  // reconnect with its randomized back-off, through the load balancer to another process.
  socket.on('server:reconnect', () => socket.io.engine?.close());

  // The browser knows about a lost network long before a heartbeat times out: drop the socket
  // at once so sends wait in the outbox, and come back as soon as the network does.
  const goOffline = () => {
    socket.disconnect();
    setStatus('offline');
  };
  const goOnline = () => {
    setStatus('reconnecting');
    socket.connect();
  };
  window.addEventListener('offline', goOffline);
  window.addEventListener('online', goOnline);

  return {
    socket,
    status: () => status,
    onStatus(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      clearTimeout(slowStart);
      clearTimeout(retryTimer);
      clearTimeout(serverDisconnectTimer);
      window.removeEventListener('offline', goOffline);
      window.removeEventListener('online', goOnline);
      socket.removeAllListeners();
      socket.disconnect();
      listeners.clear();
    },
  };
}

function isBrowserOffline(): boolean {
  return typeof navigator !== 'undefined' && navigator.onLine === false;
}
