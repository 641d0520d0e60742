import { describe, expect, it } from '@jest/globals';
import { PhrasePicker, timeOfDay } from './phrase-picker.js';
import { LINES, TEMPLATES } from './phrases.js';

const context = {
  otherUsers: ['Ann', 'Bob'],
  rooms: ['night-owls'],
  previousAuthor: 'Cleo',
  now: new Date(2026, 0, 1, 9),
};

describe('PhrasePicker', () => {
  it('has real variety: at least 150 phrases', () => {
    expect(LINES.length + TEMPLATES.length).toBeGreaterThanOrEqual(150);
    expect(new Set(LINES).size).toBe(LINES.length);
  });

  it('does not repeat within a minute of chatter (15 phrases)', () => {
    const picker = new PhrasePicker();
    const said = Array.from({ length: 15 }, () => picker.pick(context));
    expect(new Set(said).size).toBe(15);
  });

  it('fills every placeholder', () => {
    const picker = new PhrasePicker();
    for (let i = 0; i < 300; i++) expect(picker.pick(context)).not.toMatch(/[{}]/);
  });

  it('uses templates only when the context can fill them', () => {
    const picker = new PhrasePicker(() => 0); // always the template pool, first fillable
    const bare = { otherUsers: [], rooms: [], previousAuthor: null, now: context.now };
    expect(picker.pick(bare)).toBe('Good morning, everyone!');
  });

  it('names the time of day', () => {
    expect(timeOfDay(new Date(2026, 0, 1, 3))).toBe('night');
    expect(timeOfDay(new Date(2026, 0, 1, 14))).toBe('afternoon');
    expect(timeOfDay(new Date(2026, 0, 1, 20))).toBe('evening');
  });
});
