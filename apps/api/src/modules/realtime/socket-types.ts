import type {
  ClientToServerEvents,
  PresenceUser,
  PublicUser,
  ServerToClientEvents,
} from '@chat/contracts';
import type { Server, Socket } from 'socket.io';
import type { MaybePrincipal } from '../../common/access/principal.js';

/** Per-connection state; everything here dies with the socket. */
export interface SocketData {
  principal: MaybePrincipal;
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
/** The sockets that show this user (`presence:watch`): their presence frames and `user:updated`. */
export const watchRoom = (userId: string) => `watch:${userId}`;
