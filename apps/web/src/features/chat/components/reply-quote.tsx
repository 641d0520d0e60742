import type { ReplyPreview } from '@chat/contracts';

/** The quoted parent above a reply; a click jumps to it (loading history if need be). */
export function ReplyQuote({
  replyTo,
  onJump,
}: {
  replyTo: ReplyPreview;
  onJump?: (seq: number) => void;
}) {
  const text = replyTo.excerpt || 'This message was deleted';
  const content = (
    <>
      <span className="reply-quote__name">{replyTo.senderName}</span>{' '}
      <span className={replyTo.excerpt ? 'reply-quote__text' : 'reply-quote__text muted'}>
        {text}
      </span>
    </>
  );
  if (!onJump) return <div className="reply-quote">{content}</div>;
  return (
    <button
      type="button"
      className="reply-quote"
      aria-label={`Replying to ${replyTo.senderName}: ${text}. Show the message`}
      onClick={() => onJump(replyTo.seq)}
    >
      {content}
    </button>
  );
}
