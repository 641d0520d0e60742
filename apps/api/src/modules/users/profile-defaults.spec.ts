import { AVATAR_COLORS } from '@chat/contracts';
import { describe, expect, it } from '@jest/globals';
import {
  displayNameFromUsername,
  STARTER_BIOS,
  STARTER_LOCATIONS,
  starterProfile,
} from './profile-defaults.js';

describe('starter profiles', () => {
  it('derives a display name from the username', () => {
    expect(displayNameFromUsername('night_owl.42')).toBe('Night Owl 42');
    expect(displayNameFromUsername('ann')).toBe('Ann');
  });

  it('fills every field from the curated lists', () => {
    const profile = starterProfile('ann', () => 0.999);
    expect(profile.bio).toBe(STARTER_BIOS.at(-1));
    expect(profile.location).toBe(STARTER_LOCATIONS.at(-1));
    expect(profile.avatarColor).toBe(AVATAR_COLORS.at(-1));
  });
});
