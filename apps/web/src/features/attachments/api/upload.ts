import { apiErrorSchema, type Attachment } from '@chat/contracts';
import { ApiError, getAccessToken, refreshAccessToken } from '../../../lib/api-client';

/** A running upload: its progress goes to `onProgress` (0..1); `abort` cancels it. */
export interface UploadHandle {
  done: Promise<Attachment>;
  abort(): void;
}

/**
 * `POST /api/uploads` with XMLHttpRequest, the one browser API that reports upload progress.
 * An expired token is refreshed once and the upload sent again.
 */
export function uploadFile(file: File, onProgress: (fraction: number) => void): UploadHandle {
  let current: XMLHttpRequest | null = null;
  let aborted = false;
  const attempt = (token: string | null) =>
    new Promise<Attachment>((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      current = xhr;
      xhr.open('POST', '/api/uploads');
      if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
      xhr.upload.onprogress = (event) => {
        if (event.lengthComputable) onProgress(event.loaded / event.total);
      };
      xhr.onload = () => {
        let body: unknown = null;
        try {
          body = JSON.parse(xhr.responseText);
        } catch {
          // not JSON
        }
        if (xhr.status === 201) return resolve(body as Attachment);
        const error = apiErrorSchema.safeParse(body);
        reject(
          error.success
            ? new ApiError(xhr.status, error.data.code, error.data.message, error.data.details)
            : new ApiError(xhr.status, 'INTERNAL', 'The upload failed'),
        );
      };
      xhr.onerror = () => reject(new ApiError(0, 'INTERNAL', 'The upload failed (network)'));
      xhr.onabort = () => reject(new DOMException('Upload cancelled', 'AbortError'));
      const form = new FormData();
      form.append('file', file, file.name);
      xhr.send(form);
    });
  const done = attempt(getAccessToken()).catch(async (error: unknown) => {
    if (aborted || !(error instanceof ApiError) || error.code !== 'TOKEN_EXPIRED') throw error;
    return attempt(await refreshAccessToken());
  });
  return {
    done,
    abort: () => {
      aborted = true;
      current?.abort();
    },
  };
}

/** "1.2 MB", "340 KB", "12 bytes". */
export function formatSize(bytes: number): string {
  if (bytes < 1000) return `${bytes} bytes`;
  if (bytes < 1_000_000) return `${Math.round(bytes / 1000)} KB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}
