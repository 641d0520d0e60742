import { formatSize } from '../api/upload';
import './attachments.css';
import type { PendingUpload } from '../hooks/use-pending-uploads';

/** The files going with the next message, above the composer: progress, cancel, remove. */
export function PendingAttachments({
  items,
  onRemove,
}: {
  items: PendingUpload[];
  onRemove: (localId: string) => void;
}) {
  if (items.length === 0) return null;
  return (
    <ul className="pending-attachments" aria-label="Attachments to send">
      {items.map((item) => (
        <li key={item.localId} className={`pending-attachment pending-attachment--${item.status}`}>
          <span className="pending-attachment__name">{item.name}</span>
          <span className="pending-attachment__size muted">{formatSize(item.size)}</span>
          {item.status === 'uploading' ? (
            <progress
              className="pending-attachment__progress"
              max={1}
              value={item.progress}
              aria-label={`Uploading ${item.name}`}
            />
          ) : item.status === 'failed' ? (
            <span className="form__error" role="alert">
              {item.error}
            </span>
          ) : (
            <span className="muted">Ready</span>
          )}
          <button
            type="button"
            className="button--small"
            aria-label={`${item.status === 'uploading' ? 'Cancel' : 'Remove'} ${item.name}`}
            onClick={() => onRemove(item.localId)}
          >
            {item.status === 'uploading' ? 'Cancel' : 'Remove'}
          </button>
        </li>
      ))}
    </ul>
  );
}
