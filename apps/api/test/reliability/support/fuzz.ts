import { setTimeout as sleep } from 'node:timers/promises';

/**
 * mulberry32: a tiny deterministic PRNG. The fuzzers print their seed in the test name, so a
 * failing case can be replayed exactly.
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Draws from a seeded PRNG. */
export class Rng {
  private readonly next: () => number;
  constructor(readonly seed: number) {
    this.next = mulberry32(seed);
  }
  float(): number {
    return this.next();
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  /** A v4-shaped uuid from this PRNG: unknown to the server, and reproducible. */
  uuid(): string {
    const hex = Array.from({ length: 32 }, () => this.int(0, 15).toString(16));
    hex[12] = '4';
    hex[16] = this.pick(['8', '9', 'a', 'b']);
    const h = hex.join('');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  }
}

/** Strings that have broken parsers, databases and renderers before. */
export const NASTY_STRINGS: readonly string[] = [
  '',
  ' ',
  '\t\n\r',
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udfffy',
  '\udc00\ud800',
  '\u202eevil\u202c',
  'مرحبا بالعالم',
  'שלום\u200fעולם',
  '\u200b\u200c\u200d\ufeff',
  'e\u0301\u0301\u0301\u0301',
  '👩‍👩‍👧‍👦🏳️‍🌈🇺🇦',
  '𝕳𝖊𝖑𝖑𝖔',
  '\uffff\ufffe',
  "'; DROP TABLE messages; --",
  "' OR '1'='1",
  '1; SELECT pg_sleep(5)',
  "$1'::text",
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  'javascript:alert(1)',
  '{{7*7}}${7*7}',
  '../../../../etc/passwd',
  '%00%2e%2e%2f',
  '__proto__',
  'constructor',
  'null',
  'undefined',
  'NaN',
  '-1',
  '1e309',
  '00000000-0000-0000-0000-000000000000',
];

export const NASTY_NUMBERS: readonly number[] = [
  0,
  -1,
  -0,
  1.5,
  Number.MAX_SAFE_INTEGER,
  Number.MAX_SAFE_INTEGER + 2,
  Number.MIN_SAFE_INTEGER,
  1e308,
  Number.MIN_VALUE,
];

/** `[[[…]]]` or `{"a":{"a":…}}`, `depth` levels deep. */
export function deepJson(depth: number, kind: 'array' | 'object'): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = kind === 'array' ? [value] : { a: value };
  return value;
}

/** A long string made of one nasty piece, at most `maxBytes` UTF-8 bytes. */
export function hugeString(rng: Rng, maxBytes: number): string {
  const piece = rng.pick(['x', 'é', '€', '😀', '<b>', '\u200b', "'", '"', '\\']);
  const count = Math.max(1, Math.floor(maxBytes / Buffer.byteLength(JSON.stringify(piece))) - 2);
  return piece.repeat(count);
}

/** Any JSON-ish value that is not what a schema wants. */
export function junkValue(rng: Rng, depth = 0): unknown {
  switch (rng.int(0, depth > 2 ? 4 : 7)) {
    case 0:
      return null;
    case 1:
      return rng.pick(NASTY_NUMBERS);
    case 2:
      return rng.pick(NASTY_STRINGS);
    case 3:
      return rng.chance(0.5);
    case 4:
      return rng.pick([[], {}, [null], { length: 1 }]);
    case 5:
      return Array.from({ length: rng.int(1, 3) }, () => junkValue(rng, depth + 1));
    case 6:
      return deepJson(rng.int(10, 400), rng.pick(['array', 'object'] as const));
    default:
      return Object.fromEntries(
        Array.from({ length: rng.int(1, 3) }, () => [
          rng.pick(NASTY_STRINGS),
          junkValue(rng, depth + 1),
        ]),
      );
  }
}

/** Polls `check` every 100 ms until it holds; throws after `timeoutMs` (a bounded loop). */
export async function waitFor(
  check: () => boolean | Promise<boolean>,
  timeoutMs: number,
  what = 'condition',
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await sleep(100);
  }
  throw new Error(`${what} did not hold within ${timeoutMs} ms`);
}

/** Runs `work` over `items` with at most `limit` in flight. */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!, index);
    }
  });
  await Promise.all(lanes);
  return results;
}
