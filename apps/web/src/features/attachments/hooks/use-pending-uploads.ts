import { LIMITS, type Attachment } from '@chat/contracts';
import { useCallback, useEffect, useRef, useState } from 'react';
import { uploadFile } from '../api/upload';

export interface PendingUpload {
  localId: string;
  name: string;
  size: number;
  /** 0..1 while uploading. */
  progress: number;
  status: 'uploading' | 'ready' | 'failed';
  attachment?: Attachment;
  error?: string;
}

export interface PendingUploads {
  items: PendingUpload[];
  add(files: Iterable<File>): void;
  /** Cancels an upload still running, or drops a finished one from the message. */
  remove(localId: string): void;
  /** The ids to send, once every upload has finished. */
  readyIds: string[];
  busy: boolean;
  clear(): void;
}

let counter = 0;

/** The files chosen for the next message: uploaded at once, with progress, removable. */
export function usePendingUploads(): PendingUploads {
  const [items, setItems] = useState<PendingUpload[]>([]);
  const aborts = useRef(new Map<string, () => void>());
  // How many are listed, kept beside the state so several adds in one event see each other.
  const count = useRef(0);

  const patch = (localId: string, change: Partial<PendingUpload>) =>
    setItems((list) =>
      list.map((item) => (item.localId === localId ? { ...item, ...change } : item)),
    );

  const add = useCallback((files: Iterable<File>) => {
    for (const file of files) {
      // A message carries at most 10: more are not even uploaded.
      if (count.current >= LIMITS.attachmentsPerMessageMax) break;
      count.current++;
      const localId = `upload-${++counter}`;
      const handle = uploadFile(file, (progress) => patch(localId, { progress }));
      aborts.current.set(localId, handle.abort);
      setItems((list) => [
        ...list,
        { localId, name: file.name, size: file.size, progress: 0, status: 'uploading' },
      ]);
      handle.done.then(
        (attachment) => patch(localId, { status: 'ready', progress: 1, attachment }),
        (error: unknown) => {
          if (error instanceof DOMException && error.name === 'AbortError') return;
          patch(localId, {
            status: 'failed',
            error: error instanceof Error ? error.message : 'The upload failed',
          });
        },
      );
      void handle.done.finally(() => aborts.current.delete(localId)).catch(() => undefined);
    }
  }, []);

  const remove = useCallback((localId: string) => {
    aborts.current.get(localId)?.();
    count.current = Math.max(0, count.current - 1);
    setItems((list) => list.filter((item) => item.localId !== localId));
  }, []);

  const clear = useCallback(() => {
    count.current = 0;
    setItems([]);
  }, []);

  useEffect(() => {
    const running = aborts.current;
    return () => running.forEach((abort) => abort());
  }, []);

  return {
    items,
    add,
    remove,
    clear,
    readyIds: items.flatMap((item) => (item.attachment ? [item.attachment.id] : [])),
    busy: items.some((item) => item.status === 'uploading'),
  };
}
