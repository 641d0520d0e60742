import { describe, expect, it } from 'vitest';
import { createRoomBodySchema } from './conversations.js';
import { signupBodySchema } from './auth.js';
import { updateProfileBodySchema } from './users.js';

const messageOf = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
  result.error?.issues.map((issue) => issue.message);

// The API answers with these messages and the forms show them: people read them as written.
describe('validation messages', () => {
  it('words a short or too long room name for people', () => {
    expect(messageOf(createRoomBodySchema.safeParse({ name: 'ab' }))).toEqual([
      'Use at least 3 characters',
    ]);
    expect(messageOf(createRoomBodySchema.safeParse({ name: 'a'.repeat(65) }))).toEqual([
      'Keep it to 64 characters or fewer',
    ]);
    expect(messageOf(createRoomBodySchema.safeParse({ name: '---' }))).toEqual([
      'Include at least one letter or digit',
    ]);
  });

  it('asks for a display name instead of quoting the rule', () => {
    expect(messageOf(updateProfileBodySchema.safeParse({ displayName: '  ' }))).toEqual([
      'Enter a display name',
    ]);
  });

  it('states the sign-up rules as the form hints do', () => {
    expect(messageOf(signupBodySchema.safeParse({ username: 'A!', password: 'short' }))).toEqual([
      'Use 3–32 characters: letters a–z, digits, “_”, “.” or “-”',
      'Use at least 8 characters',
    ]);
  });
});
