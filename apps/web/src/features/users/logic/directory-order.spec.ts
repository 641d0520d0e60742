import type { PublicUser } from '@chat/contracts';
import { describe, expect, it } from 'vitest';
import { directoryOrder, presenceOf } from './directory-order';

const NOW = Date.parse('2026-12-03T12:00:00.000Z');
const ago = (minutes: number) => new Date(NOW - minutes * 60_000).toISOString();

const user = (displayName: string, overrides: Partial<PublicUser> = {}): PublicUser => ({
  id: displayName,
  username: displayName.toLowerCase(),
  displayName,
  bio: '',
  avatarColor: '#2563eb',
  location: '',
  online: false,
  lastSeenAt: null,
  isDemo: false,
  ...overrides,
});

describe('directoryOrder', () => {
  it('moves someone who came online above everyone offline, keeping names in order', () => {
    const page = [user('Ada', { online: true }), user('Bea'), user('Cy'), user('Zoe')];
    const zoeOnline = page.map((u) => (u.id === 'Zoe' ? { ...u, online: true } : u));
    expect(directoryOrder(zoeOnline, NOW).map((u) => u.id)).toEqual(['Ada', 'Zoe', 'Bea', 'Cy']);
  });

  it('moves someone who went offline below the people still online', () => {
    const page = [user('Ada', { online: true }), user('Bea', { online: true }), user('Cy')];
    const adaLeft = page.map((u) => (u.id === 'Ada' ? { ...u, online: false } : u));
    expect(directoryOrder(adaLeft, NOW).map((u) => u.id)).toEqual(['Bea', 'Ada', 'Cy']);
  });

  it('lists demo users who just posted as active, between online and offline', () => {
    const page = [
      user('Ada', { online: true }),
      user('Bot Quiet', { isDemo: true, lastSeenAt: ago(30) }),
      user('Bob'),
      user('Bot Talker', { isDemo: true, lastSeenAt: ago(1) }),
    ];
    expect(directoryOrder(page, NOW).map((u) => u.id)).toEqual([
      'Ada',
      'Bot Talker',
      'Bot Quiet',
      'Bob',
    ]);
  });

  it('calls only demo users active: a person who just left is offline', () => {
    expect(presenceOf(user('Bob', { lastSeenAt: ago(1) }), NOW)).toBe('offline');
    expect(presenceOf(user('Bot', { isDemo: true, lastSeenAt: ago(1) }), NOW)).toBe('active');
    expect(presenceOf(user('Bot', { isDemo: true, lastSeenAt: ago(6) }), NOW)).toBe('offline');
  });
});
