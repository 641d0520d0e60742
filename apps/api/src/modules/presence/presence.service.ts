import type { PresenceUser } from '@chat/contracts';

/** What changed for a user when one of their sockets came or went. */
export interface PresenceChange {
  /** True when this socket is the user's first (on connect) or last (on disconnect) anywhere. */
  userChanged: boolean;
  /** Conversations where the user's presence began or ended with this socket. */
  conversationsChanged: string[];
}

/** A socket of a process that stopped beating (it died), removed by a surviving process. */
export interface ExpiredSocket extends PresenceChange {
  user: PresenceUser;
}

/**
 * Who is online, counted per socket: a user is online while any of their sockets is connected,
 * and present in a conversation while any of their sockets has joined it. Events fire once per
 * user, however many tabs. Single node keeps this in memory; several processes keep it in Redis.
 */
export abstract class PresenceService {
  /** `user` is null for a visitor: counted as a socket, never shown as present. */
  abstract connect(socketId: string, user: PresenceUser | null): Promise<PresenceChange>;
  abstract disconnect(socketId: string): Promise<PresenceChange & { user: PresenceUser | null }>;
  /** Returns true when the user was not yet present in the conversation. */
  abstract join(socketId: string, conversationId: string): Promise<boolean>;
  /** Returns true when the user is no longer present in the conversation. */
  abstract leave(socketId: string, conversationId: string): Promise<boolean>;
  /**
   * Takes a user out of a conversation on every socket and process (they left the room).
   * Returns how they appeared there, or null if they were not present.
   */
  abstract removeUser(conversationId: string, userId: string): Promise<PresenceUser | null>;
  abstract isOnline(userId: string): Promise<boolean>;
  abstract onlineUserIds(): Promise<string[]>;
  abstract presentIn(conversationId: string): Promise<PresenceUser[]>;
  abstract countIn(conversationIds: string[]): Promise<Map<string, number>>;
  /** Sockets connected anywhere (the bot idles at zero). */
  abstract socketCount(): Promise<number>;
  /** The user's sockets connected anywhere (the per-user socket limit). */
  abstract socketCountOf(userId: string): Promise<number>;

  /** Sockets of dead processes, removed now; nothing expires on a single node. */
  async sweepExpired(): Promise<ExpiredSocket[]> {
    return [];
  }
}
