import { fileTypeFromFile } from 'file-type';
import { open } from 'node:fs/promises';

/** Images shown inline (and given a thumbnail); everything else is served as a download. */
export const INLINE_IMAGE_TYPES: ReadonlySet<string> = new Set([
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
]);

export const PLAIN_TEXT = 'text/plain; charset=utf-8';
export const UNKNOWN_TYPE = 'application/octet-stream';

const TEXT_SAMPLE_BYTES = 8192;

/**
 * The type the bytes say, never the client's claim: `file-type`'s magic numbers first; else
 * UTF-8 text without control characters is `text/plain` (HTML and SVG included: they are text,
 * and text is only ever downloaded); else `application/octet-stream`.
 */
export async function detectContentType(path: string): Promise<string> {
  const detected = await fileTypeFromFile(path);
  if (detected) return detected.mime;
  return looksLikeText(await readHead(path, TEXT_SAMPLE_BYTES)) ? PLAIN_TEXT : UNKNOWN_TYPE;
}

/** UTF-8 (a character cut at the end of the sample is fine) with only tab/newline/CR/FF controls. */
export function looksLikeText(sample: Uint8Array): boolean {
  if (sample.length === 0) return false;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: true });
  } catch {
    return false;
  }
  // eslint-disable-next-line no-control-regex
  return !/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(text);
}

async function readHead(path: string, bytes: number): Promise<Uint8Array> {
  const file = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await file.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await file.close();
  }
}
