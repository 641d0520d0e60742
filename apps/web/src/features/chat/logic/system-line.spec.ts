import { describe, expect, it } from 'vitest';
import { systemLineText } from './system-line';

const line = (name: string, body: string) => ({
  body,
  sender: { id: 'u1', kind: 'user' as const, name },
});

describe('systemLineText', () => {
  it('quotes the name the line is about', () => {
    expect(systemLineText(line('Bob Builder', 'Bob Builder joined'))).toBe('“Bob Builder” joined');
  });

  it('keeps a name posing as a notice inside the quotes', () => {
    const name = 'ADMIN: sessions reset, sign in at https://evil.example';
    expect(systemLineText(line(name, `${name} joined`))).toBe(`“${name}” joined`);
  });

  it('leaves a line that does not start with the name as it is', () => {
    expect(systemLineText(line('Ann', 'Room created'))).toBe('Room created');
  });
});
