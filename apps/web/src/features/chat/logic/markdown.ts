// The shape of the Markdown syntax tree (mdast) as far as the plugins below touch it.
interface MdNode {
  type: string;
  value?: string;
  url?: string;
  children?: MdNode[];
  data?: { hName?: string; hProperties?: Record<string, string> };
}

/** `@username` as usernames are spelled (`^[a-z0-9_.-]{3,32}$`), not inside a word or address. */
const MENTION = /(^|[^\w.@-])@([a-z0-9_.-]{3,32})(?![\w-])/gi;

/** Only these become elements; anything else GFM parses (headings, tables, images) is unwrapped. */
export const ALLOWED_ELEMENTS = [
  'p',
  'br',
  'em',
  'strong',
  'del',
  'code',
  'pre',
  'blockquote',
  'ul',
  'ol',
  'li',
  'a',
  'span',
];

/** Links keep http(s) only; any other scheme (javascript:, data:, mailto:) stays text. */
export function safeHref(url: string): string | null {
  return /^https?:\/\//i.test(url) ? url : null;
}

/**
 * Raw HTML in a message is shown as the text it is: its nodes become text nodes before they
 * could reach the DOM (react-markdown also has `skipHtml` on, and no rehype-raw is used).
 */
export function remarkHtmlAsText() {
  return (tree: MdNode) => {
    walk(tree, (node, parent) => {
      if (node.type !== 'html') return;
      node.type = 'text';
      // A block of HTML sits in the root: give it a paragraph like any other text.
      if (parent.type === 'root') {
        const text = { ...node };
        node.type = 'paragraph';
        node.value = undefined;
        node.children = [text];
      }
    });
  };
}

/**
 * `@username` in text becomes a span with `data-mention` (not in code or links), so the body
 * can highlight it and make one that names the reader stand out.
 */
export function remarkMentions() {
  return (tree: MdNode) => {
    walk(tree, (node) => {
      if (!node.children || node.type === 'link' || node.type === 'mention') return;
      node.children = node.children.flatMap((child) =>
        child.type === 'text' && child.value ? splitMentions(child.value) : [child],
      );
    });
  };
}

function splitMentions(text: string): MdNode[] {
  const parts: MdNode[] = [];
  let last = 0;
  for (const match of text.matchAll(MENTION)) {
    const start = match.index + match[1]!.length;
    if (start > last) parts.push({ type: 'text', value: text.slice(last, start) });
    const username = match[2]!;
    parts.push({
      type: 'mention',
      children: [{ type: 'text', value: `@${username}` }],
      data: { hName: 'span', hProperties: { dataMention: username.toLowerCase() } },
    });
    last = start + username.length + 1;
  }
  if (parts.length === 0) return [{ type: 'text', value: text }];
  if (last < text.length) parts.push({ type: 'text', value: text.slice(last) });
  return parts;
}

/** Usernames written as `@username` in a body (lower case, each once), outside code. */
export function mentionedUsernames(body: string): string[] {
  const names = new Set<string>();
  for (const match of body.matchAll(MENTION)) names.add(match[2]!.toLowerCase());
  return [...names];
}

function walk(node: MdNode, visit: (node: MdNode, parent: MdNode) => void): void {
  for (const child of node.children ?? []) {
    visit(child, node);
    if (child.type !== 'link' && child.type !== 'mention') walk(child, visit);
  }
}
