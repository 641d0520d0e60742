import { readStored, writeStored } from './local-store';

/** Until someone has used six, the quick row starts with these. */
export const DEFAULT_QUICK_EMOJI = ['👍', '❤️', '😂', '🎉', '😮', '🙏'];
const QUICK_COUNT = 6;
const usageKey = (owner: string) => `chat:emoji-usage:${owner}`;

type Usage = Record<string, number>;

/** The six emoji this person reacts with most, topped up with the defaults. */
export function quickEmoji(owner: string, storage?: Storage): string[] {
  const usage = readStored<Usage>(usageKey(owner), {}, storage);
  const used = Object.entries(usage)
    .filter((entry): entry is [string, number] => typeof entry[1] === 'number')
    .sort((a, b) => b[1] - a[1])
    .map(([emoji]) => emoji);
  const row = [...new Set([...used, ...DEFAULT_QUICK_EMOJI])];
  return row.slice(0, QUICK_COUNT);
}

export function recordEmojiUse(owner: string, emoji: string, storage?: Storage): void {
  const usage = readStored<Usage>(usageKey(owner), {}, storage);
  usage[emoji] = (usage[emoji] ?? 0) + 1;
  writeStored(usageKey(owner), usage, storage);
}
