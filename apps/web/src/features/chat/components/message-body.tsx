import { linkify } from '../logic/linkify';

/** Message text as text: React escapes it, and only http(s) URLs become links. */
export function MessageBody({ body }: { body: string }) {
  return (
    <p className="message__body">
      {linkify(body).map((part, index) =>
        part.type === 'link' ? (
          <a key={index} href={part.href} target="_blank" rel="noopener noreferrer nofollow">
            {part.text}
          </a>
        ) : (
          <span key={index}>{part.text}</span>
        ),
      )}
    </p>
  );
}
