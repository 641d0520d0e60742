import { describe, expect, it } from 'vitest';
import { slugify } from './slug.js';

describe('slugify', () => {
  it('lower-cases and joins runs of other characters with one dash', () => {
    expect(slugify('Night Owls 2')).toBe('night-owls-2');
    expect(slugify('  Rock & Roll!!  Fans ')).toBe('rock-roll-fans');
  });

  it('returns an empty slug when the name has no letter or digit', () => {
    expect(slugify('!!!')).toBe('');
  });
});
