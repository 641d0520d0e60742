import { describe, expect, it } from 'vitest';
import { plainText } from './plain-text';

describe('a message body as a notification shows it', () => {
  it('drops Markdown marks and keeps the words', () => {
    expect(plainText('**Bold** and _slanted_ and ~~gone~~ and `code`')).toBe(
      'Bold and slanted and gone and code',
    );
    expect(plainText('> quoted\n- one\n- two\n1. first')).toBe('quoted one two first');
    expect(plainText('see [the docs](https://example.com/x) now')).toBe('see the docs now');
    expect(plainText('```ts\nconst a = 1;\n```')).toBe('const a = 1;');
  });

  it('leaves snake_case and lone stars alone', () => {
    expect(plainText('rename my_var_name to 2 * 3')).toBe('rename my_var_name to 2 * 3');
  });

  it('cuts a long text with an ellipsis', () => {
    const text = plainText('word '.repeat(100), 20);
    expect([...text]).toHaveLength(20);
    expect(text.endsWith('…')).toBe(true);
  });
});
