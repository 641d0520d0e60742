import type { Attachment } from '@chat/contracts';
import './attachments.css';
import { useRef } from 'react';
import { formatSize } from '../api/upload';

/** Images inline as thumbnails (their box reserved, so nothing jumps), other files as cards. */
export function MessageAttachments({ attachments }: { attachments: Attachment[] }) {
  if (attachments.length === 0) return null;
  return (
    <ul className="message-attachments" aria-label="Attachments">
      {attachments.map((attachment) => (
        <li key={attachment.id}>
          {attachment.thumbUrl && attachment.width && attachment.height ? (
            <ImageAttachment attachment={attachment} />
          ) : (
            <FileCard attachment={attachment} />
          )}
        </li>
      ))}
    </ul>
  );
}

const THUMB_MAX = 320;

function ImageAttachment({ attachment }: { attachment: Attachment }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const { width = 1, height = 1 } = attachment;
  const scale = Math.min(1, THUMB_MAX / Math.max(width, height));
  return (
    <>
      <button
        type="button"
        className="image-attachment"
        aria-label={`Open ${attachment.name} full size`}
        onClick={() => dialog.current?.showModal()}
      >
        <img
          src={attachment.thumbUrl}
          alt={attachment.name}
          width={Math.round(width * scale)}
          height={Math.round(height * scale)}
          loading="lazy"
          decoding="async"
        />
      </button>
      <dialog
        ref={dialog}
        className="lightbox"
        aria-label={attachment.name}
        onClick={(event) => {
          if (event.target === event.currentTarget) dialog.current?.close();
        }}
      >
        <img src={attachment.url} alt={attachment.name} width={width} height={height} />
        <div className="lightbox__bar">
          <a href={attachment.url} target="_blank" rel="noreferrer">
            Open in a new tab
          </a>
          <button type="button" className="button--small" onClick={() => dialog.current?.close()}>
            Close
          </button>
        </div>
      </dialog>
    </>
  );
}

function FileCard({ attachment }: { attachment: Attachment }) {
  return (
    <div className="file-card">
      <span className="file-card__name">{attachment.name}</span>
      <span className="file-card__size muted">{formatSize(attachment.size)}</span>
      <a className="file-card__download" href={attachment.url} download={attachment.name}>
        Download {attachment.name}
      </a>
    </div>
  );
}
