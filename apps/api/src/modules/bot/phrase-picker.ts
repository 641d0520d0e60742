import { LINES, TEMPLATES } from './phrases.js';

export interface PhraseContext {
  /** Display names of users other than the speaker. */
  otherUsers: string[];
  /** Slugs of group rooms. */
  rooms: string[];
  /** Display name of the previous message's author, if it was not the speaker. */
  previousAuthor: string | null;
  now: Date;
}

export function timeOfDay(now: Date): string {
  const hour = now.getHours();
  if (hour < 5) return 'night';
  if (hour < 12) return 'morning';
  if (hour < 18) return 'afternoon';
  return 'evening';
}

/**
 * Picks a line, or a template whose placeholders the context can fill, avoiding the phrases
 * said most recently so a minute of chatter does not repeat.
 */
export class PhrasePicker {
  private readonly recent: string[] = [];

  constructor(
    private readonly random: () => number = Math.random,
    private readonly memory = 40,
  ) {}

  pick(context: PhraseContext): string {
    const fillable = TEMPLATES.filter((template) => canFill(template, context));
    const pool = this.random() < 0.35 && fillable.length > 0 ? fillable : LINES;
    let phrase = this.choose(pool);
    for (let attempt = 0; attempt < 10 && this.recent.includes(phrase); attempt++)
      phrase = this.choose(pool);
    this.recent.push(phrase);
    if (this.recent.length > this.memory) this.recent.shift();
    return fill(phrase, context, this.random);
  }

  private choose(pool: readonly string[]): string {
    return pool[Math.floor(this.random() * pool.length)]!;
  }
}

function canFill(template: string, context: PhraseContext): boolean {
  if (template.includes('{user}') && context.otherUsers.length === 0) return false;
  if (template.includes('{author}') && !context.previousAuthor) return false;
  if (template.includes('{room}') && context.rooms.length === 0) return false;
  return true;
}

function fill(template: string, context: PhraseContext, random: () => number): string {
  const any = (items: string[]) => items[Math.floor(random() * items.length)] ?? '';
  return template
    .replaceAll('{user}', any(context.otherUsers))
    .replaceAll('{author}', context.previousAuthor ?? '')
    .replaceAll('{room}', any(context.rooms))
    .replaceAll('{timeOfDay}', timeOfDay(context.now));
}
