import { AVATAR_COLORS } from '@chat/contracts';

/** Curated so a brand-new account looks alive; every field can be edited on /me. */
export const STARTER_BIOS = [
  'Here for the good conversations.',
  'Coffee first, then chat.',
  'Learning something new every day.',
  'Night owl. Ask me about music.',
  'Building things on the internet.',
  'Always up for a book recommendation.',
  'Runs on tea and curiosity.',
  'Professional overthinker, amateur cook.',
  'Hiking on weekends, typing on weekdays.',
  'Say hi, I promise to say it back.',
  'Trying to keep my plants alive.',
  'Collector of tiny useful facts.',
];

export const STARTER_LOCATIONS = [
  'Lisbon',
  'Berlin',
  'Nairobi',
  'Montréal',
  'Osaka',
  'Buenos Aires',
  'Melbourne',
  'Reykjavík',
  'Seoul',
  'Cape Town',
  'Oaxaca',
  'Tallinn',
];

const pick = <T>(items: readonly T[], random: () => number): T =>
  items[Math.floor(random() * items.length)]!;

/** "night_owl.42" → "Night Owl 42" */
export function displayNameFromUsername(username: string): string {
  return username
    .split(/[_.-]+/)
    .filter(Boolean)
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join(' ');
}

export function starterProfile(username: string, random: () => number = Math.random) {
  return {
    displayName: displayNameFromUsername(username),
    bio: pick(STARTER_BIOS, random),
    avatarColor: pick(AVATAR_COLORS, random),
    location: pick(STARTER_LOCATIONS, random),
  };
}
