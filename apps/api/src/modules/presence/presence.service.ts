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

/** A conversation presence that changed: `user` is how they appear there, null once they left. */
export interface ConversationPresenceState {
  conversationId: string;
  userId: string;
  user: PresenceUser | null;
}

/**
 * What changed since a cursor, as the state now (not the events): a user who came and went
 * within one read shows up once, offline. Every process reads the same changes.
 */
export interface PresenceChanges {
  cursor: number;
  users: Array<{ userId: string; online: boolean }>;
  conversations: ConversationPresenceState[];
  /** Changes older than the cursor were trimmed away: the reader should look again at all it shows. */
  lost: boolean;
}

/** Who is present in a conversation: `count` of them, `users` at most the limit asked for. */
export interface Present {
  users: PresenceUser[];
  count: number;
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
  /** Which of these users are online (one look-up for all of them). */
  abstract onlineAmong(userIds: string[]): Promise<Set<string>>;
  /**
   * Presence changes after `cursor` (-1: start from now), at most `limit` of them; one round
   * trip. The coalesced `presence:changed` frames are built from these.
   */
  abstract changesSince(cursor: number, limit?: number): Promise<PresenceChanges>;
  abstract onlineUserIds(): Promise<string[]>;
  /** How many are present, and at most `limit` of them (which ones is not defined). */
  abstract presentIn(conversationId: string, limit: number): Promise<Present>;
  abstract countIn(conversationIds: string[]): Promise<Map<string, number>>;
  /** Sockets connected anywhere (the bot idles at zero). */
  abstract socketCount(): Promise<number>;
  /** The user's sockets connected anywhere (the per-user socket limit). */
  abstract socketCountOf(userId: string): Promise<number>;

  /**
   * Shutting down with clients told to reconnect elsewhere: this process's sockets are left
   * to expire instead of being removed, so a user who comes back on another process within
   * the TTL is never seen leaving; the sweep of a survivor removes the rest.
   */
  async handOver(): Promise<void> {}

  /** Sockets of dead processes, removed now; nothing expires on a single node. */
  async sweepExpired(): Promise<ExpiredSocket[]> {
    return [];
  }
}
