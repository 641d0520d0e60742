import type { PresenceUser } from '@chat/contracts';
import { Injectable } from '@nestjs/common';
import {
  PresenceService,
  type PresenceChange,
  type PresenceChanges,
  type Present,
} from './presence.service.js';

interface SocketEntry {
  user: PresenceUser | null;
  conversations: Set<string>;
}

/** Single-node presence: everything lives in this process, keyed by socket. */
@Injectable()
export class InMemoryPresenceService extends PresenceService {
  private readonly sockets = new Map<string, SocketEntry>();
  /** userId → number of their sockets. */
  private readonly socketsPerUser = new Map<string, number>();
  /** conversationId → userId → number of that user's sockets in it. */
  private readonly members = new Map<
    string,
    Map<string, { user: PresenceUser; sockets: number }>
  >();
  /** What changed since the last read: user ids, and `conversationId|userId` pairs. */
  private changedUsers = new Set<string>();
  private changedPresence = new Set<string>();
  private readCount = 0;

  async connect(socketId: string, user: PresenceUser | null): Promise<PresenceChange> {
    this.sockets.set(socketId, { user, conversations: new Set() });
    if (!user) return { userChanged: false, conversationsChanged: [] };
    const count = (this.socketsPerUser.get(user.id) ?? 0) + 1;
    this.socketsPerUser.set(user.id, count);
    if (count === 1) this.changedUsers.add(user.id);
    return { userChanged: count === 1, conversationsChanged: [] };
  }

  async disconnect(socketId: string) {
    const entry = this.sockets.get(socketId);
    const user = entry?.user;
    this.sockets.delete(socketId);
    if (!user) return { user: null, userChanged: false, conversationsChanged: [] };
    const conversationsChanged = [...entry.conversations].filter((id) => this.removeFrom(id, user));
    const count = (this.socketsPerUser.get(user.id) ?? 1) - 1;
    if (count > 0) this.socketsPerUser.set(user.id, count);
    else {
      this.socketsPerUser.delete(user.id);
      this.changedUsers.add(user.id);
    }
    return { user, userChanged: count === 0, conversationsChanged };
  }

  async join(socketId: string, conversationId: string): Promise<boolean> {
    const entry = this.sockets.get(socketId);
    if (!entry || entry.conversations.has(conversationId)) return false;
    entry.conversations.add(conversationId);
    if (!entry.user) return false;
    let users = this.members.get(conversationId);
    if (!users) this.members.set(conversationId, (users = new Map()));
    const member = users.get(entry.user.id);
    if (member) {
      member.sockets += 1;
      return false;
    }
    users.set(entry.user.id, { user: entry.user, sockets: 1 });
    this.changedPresence.add(`${conversationId}|${entry.user.id}`);
    return true;
  }

  async leave(socketId: string, conversationId: string): Promise<boolean> {
    const entry = this.sockets.get(socketId);
    if (!entry?.conversations.delete(conversationId) || !entry.user) return false;
    return this.removeFrom(conversationId, entry.user);
  }

  async removeUser(conversationId: string, userId: string): Promise<PresenceUser | null> {
    const member = this.members.get(conversationId)?.get(userId);
    if (!member) return null;
    for (const entry of this.sockets.values()) {
      if (entry.user?.id === userId) entry.conversations.delete(conversationId);
    }
    this.members.get(conversationId)!.delete(userId);
    if (this.members.get(conversationId)!.size === 0) this.members.delete(conversationId);
    this.changedPresence.add(`${conversationId}|${userId}`);
    return member.user;
  }

  async isOnline(userId: string): Promise<boolean> {
    return this.socketsPerUser.has(userId);
  }

  async onlineAmong(userIds: string[]): Promise<Set<string>> {
    return new Set(userIds.filter((id) => this.socketsPerUser.has(id)));
  }

  /** One process is the only reader here: a read takes what changed since the last one. */
  async changesSince(_cursor: number, limit = Infinity): Promise<PresenceChanges> {
    const users = take(this.changedUsers, limit).map((userId) => ({
      userId,
      online: this.socketsPerUser.has(userId),
    }));
    const conversations = take(this.changedPresence, limit).map((pair) => {
      const [conversationId, userId] = pair.split('|') as [string, string];
      return {
        conversationId,
        userId,
        user: this.members.get(conversationId)?.get(userId)?.user ?? null,
      };
    });
    return { cursor: ++this.readCount, users, conversations, lost: false };
  }

  async onlineUserIds(): Promise<string[]> {
    return [...this.socketsPerUser.keys()];
  }

  async presentIn(conversationId: string, limit: number): Promise<Present> {
    const members = [...(this.members.get(conversationId)?.values() ?? [])];
    return { users: members.slice(0, limit).map((member) => member.user), count: members.length };
  }

  async countIn(conversationIds: string[]): Promise<Map<string, number>> {
    return new Map(conversationIds.map((id) => [id, this.members.get(id)?.size ?? 0]));
  }

  async socketCount(): Promise<number> {
    return this.sockets.size;
  }

  async socketCountOf(userId: string): Promise<number> {
    return this.socketsPerUser.get(userId) ?? 0;
  }

  /** Drops one socket of the user from the conversation; true when it was their last there. */
  private removeFrom(conversationId: string, user: PresenceUser): boolean {
    const users = this.members.get(conversationId);
    const member = users?.get(user.id);
    if (!users || !member) return false;
    member.sockets -= 1;
    if (member.sockets > 0) return false;
    users.delete(user.id);
    if (users.size === 0) this.members.delete(conversationId);
    this.changedPresence.add(`${conversationId}|${user.id}`);
    return true;
  }
}

/** Removes and returns up to `limit` members of the set, oldest first. */
function take(set: Set<string>, limit: number): string[] {
  const taken: string[] = [];
  for (const value of set) {
    if (taken.length >= limit) break;
    taken.push(value);
    set.delete(value);
  }
  return taken;
}
