import type {
  ClientToServerEvents,
  PresenceUser,
  PublicUser,
  ServerToClientEvents,
} from '@chat/contracts';
import type { Server, Socket } from 'socket.io';
import type { MaybePrincipal } from '../../common/access/principal.js';

/** The access token a socket lives by (null for a visitor, who has none). */
export interface SocketAuth {
  /** Epoch milliseconds: the socket is disconnected then unless `auth:refresh` extends it. */
  expiresAt: number;
  /** The sign-in (refresh family); signing out ends its sockets. Null for guests. */
  sessionId: string | null;
}

/** Per-connection state; everything here dies with the socket. */
export interface SocketData {
  principal: MaybePrincipal;
  auth: SocketAuth | null;
  /** How others see this connection's person (null for a visitor). */
  presenceUser: PresenceUser | null;
  /** The signed-in user's profile for the `session` event; dropped once it is sent. */
  sessionUser?: PublicUser;
}

export type ChatServer = Server<
  ClientToServerEvents,
  ServerToClientEvents,
  Record<string, never>,
  SocketData
>;
export type ChatSocket = Socket<
  ClientToServerEvents,
  ServerToClientEvents,
  Record<string, never>,
  SocketData
>;

export const conversationRoom = (conversationId: string) => `conv:${conversationId}`;
export const userRoom = (userId: string) => `user:${userId}`;
/** Every socket of one sign-in, so signing out reaches them on every process. */
export const sessionRoom = (sessionId: string) => `session:${sessionId}`;
/** The sockets that show this user (`presence:watch`): their presence frames and `user:updated`. */
export const watchRoom = (userId: string) => `watch:${userId}`;
