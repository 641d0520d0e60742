import type { Message } from '@chat/contracts';

/**
 * A system line as shown: plain text, never links, with the person's name in quotes, so a
 * display name that reads like a notice ("ADMIN: sessions reset, sign in at https://…") is
 * seen as a name and nothing else.
 */
export function systemLineText(message: Pick<Message, 'body' | 'sender'>): string {
  const { name } = message.sender;
  return message.body.startsWith(name)
    ? `“${name}”${message.body.slice(name.length)}`
    : message.body;
}
