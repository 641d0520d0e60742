import type { ComponentProps } from 'react';
import Markdown, { type Components } from 'react-markdown';
import remarkGfm from 'remark-gfm';
import { ALLOWED_ELEMENTS, remarkHtmlAsText, remarkMentions, safeHref } from '../logic/markdown';

const REMARK_PLUGINS = [remarkGfm, remarkHtmlAsText, remarkMentions];

type MessageBodyProps = {
  body: string;
  /** The reader's username: a mention of it stands out. */
  myUsername?: string;
};

/**
 * A message as Markdown (the safe subset: emphasis, strong, strikethrough, code, quotes, lists,
 * http(s) links and bare URLs), with `@username` mentions highlighted. No HTML ever reaches the
 * DOM: raw HTML is shown as text, and only the allowed elements are rendered.
 */
export function MessageBody({ body, myUsername }: MessageBodyProps) {
  const components: Components = {
    a: ({ href, children }) => {
      const safe = href ? safeHref(href) : null;
      if (!safe) return <span>{children}</span>;
      return (
        <a href={safe} target="_blank" rel="noopener noreferrer nofollow">
          {children}
        </a>
      );
    },
    span: ({ node: _node, ...props }: ComponentProps<'span'> & { node?: unknown }) => {
      const mention = (props as Record<string, unknown>)['data-mention'];
      if (typeof mention !== 'string') return <span {...props} />;
      const mine = myUsername !== undefined && mention === myUsername.toLowerCase();
      return (
        <span className={`mention${mine ? ' mention--me' : ''}`} data-mention={mention}>
          {props.children}
        </span>
      );
    },
  };
  return (
    <div className="message__body">
      <Markdown
        remarkPlugins={REMARK_PLUGINS}
        allowedElements={ALLOWED_ELEMENTS}
        unwrapDisallowed
        skipHtml
        urlTransform={(url) => safeHref(url) ?? ''}
        components={components}
      >
        {body}
      </Markdown>
    </div>
  );
}
