import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { MessageBody } from './message-body';

function body(text: string, myUsername?: string) {
  const { container } = render(<MessageBody body={text} myUsername={myUsername} />);
  return container.firstElementChild as HTMLElement;
}

describe('MessageBody', () => {
  it('renders the safe Markdown subset', () => {
    const el = body(
      '*em* **strong** ~~gone~~ `code`\n\n> quoted\n\n- one\n- two\n\n1. first\n\n```\nfenced <b>\n```',
    );
    expect(el.querySelector('em')).toHaveTextContent('em');
    expect(el.querySelector('strong')).toHaveTextContent('strong');
    expect(el.querySelector('del')).toHaveTextContent('gone');
    expect(el.querySelector('p > code')).toHaveTextContent('code');
    expect(el.querySelector('blockquote')).toHaveTextContent('quoted');
    expect(el.querySelectorAll('ul > li')).toHaveLength(2);
    expect(el.querySelector('ol > li')).toHaveTextContent('first');
    expect(el.querySelector('pre > code')).toHaveTextContent('fenced <b>');
  });

  it('links http(s) only, bare URLs too, opening safely in a new tab', () => {
    const el = body(
      '[site](https://example.com) see https://a.example/x. and [bad](javascript:alert(1))',
    );
    const links = [...el.querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).toEqual([
      'https://example.com',
      'https://a.example/x',
    ]);
    expect(links[0]).toHaveAttribute('rel', 'noopener noreferrer nofollow');
    expect(links[0]).toHaveAttribute('target', '_blank');
    expect(el).toHaveTextContent('bad');
    expect(el.innerHTML).not.toContain('javascript');
  });

  it('shows raw HTML as text and never as elements', () => {
    const el = body(
      '<img src=x onerror="alert(1)"> and <b>not bold</b>\n\n<script>alert(1)</script>',
    );
    expect(el.querySelector('img, b, script')).toBeNull();
    expect(el).toHaveTextContent('<b>not bold</b>');
    expect(el).toHaveTextContent('<script>alert(1)</script>');
  });

  it('does not render headings, images or tables as such', () => {
    const el = body('# title\n\n![pic](https://example.com/p.png)\n\n| a |\n|---|\n| b |');
    expect(el.querySelector('h1, img, table')).toBeNull();
    expect(el).toHaveTextContent('title');
  });

  it('highlights mentions, the reader’s own more, and not inside code or addresses', () => {
    const el = body('hi @Alice and @bob, mail a@bob.example, `@carol`', 'alice');
    const mentions = [...el.querySelectorAll('.mention')];
    expect(mentions.map((m) => m.textContent)).toEqual(['@Alice', '@bob']);
    expect(mentions[0]).toHaveClass('mention--me');
    expect(mentions[1]).not.toHaveClass('mention--me');
  });
});
