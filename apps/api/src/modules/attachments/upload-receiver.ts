import busboy from 'busboy';
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../../common/errors/app-error.js';

/** A file part received into a local staging file; the caller moves it on and `discard`s it. */
export interface ReceivedFile {
  path: string;
  size: number;
  /** As the client named it (not yet sanitised). */
  clientName: string | undefined;
  discard(): Promise<void>;
}

const tooLarge = (maxBytes: number) =>
  new AppError('PAYLOAD_TOO_LARGE', `A file may be at most ${maxBytes} bytes`);
const badForm = (message: string) =>
  new AppError('VALIDATION', message, [{ path: 'file', message }]);

/** Room for the multipart boundaries and headers around the file itself. */
const ENVELOPE_BYTES = 64 * 1024;

/**
 * Streams the one `file` part of a multipart request into `stagingDir` with busboy, never
 * holding more than a chunk in memory. Over `maxBytes` it stops writing, removes what it wrote
 * and reads the rest of the request away (so the client can read the 413), giving up on a
 * client that keeps sending after twice the limit.
 */
export async function receiveUpload(
  request: IncomingMessage,
  options: { stagingDir: string; maxBytes: number },
): Promise<ReceivedFile> {
  const { stagingDir, maxBytes } = options;
  const declared = Number(request.headers['content-length'] ?? NaN);
  if (declared > maxBytes + ENVELOPE_BYTES) throw tooLarge(maxBytes);
  if (!request.headers['content-type']?.startsWith('multipart/form-data'))
    throw badForm('Send the file as multipart/form-data with one part named "file"');

  await mkdir(stagingDir, { recursive: true });
  const path = join(stagingDir, `${randomUUID()}.upload`);
  const discard = () => rm(path, { force: true });

  return new Promise<ReceivedFile>((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: request.headers,
        defParamCharset: 'utf8',
        // A second part is refused when it comes (busboy's own part limits fire on the first);
        // one byte over the limit is how busboy tells a file of exactly the limit from a bigger one.
        limits: { files: 2, fileSize: maxBytes + 1, fields: 1, parts: 2 },
      });
    } catch {
      reject(badForm('Malformed multipart request'));
      return;
    }
    let writing: Promise<ReceivedFile | AppError> | null = null;
    let received = 0;
    let failure: AppError | null = null;
    const fail = (error: AppError) => (failure ??= error);

    parser.on('file', (field, file, info) => {
      if (field !== 'file' || writing) {
        fail(badForm('Send exactly one part, named "file"'));
        file.resume();
        return;
      }
      file.on('data', (chunk: Buffer) => (received += chunk.length));
      file.on('limit', () => fail(tooLarge(maxBytes)));
      writing = pipeline(file, createWriteStream(path, { flags: 'wx' })).then(
        () =>
          received > maxBytes
            ? tooLarge(maxBytes)
            : { path, size: received, clientName: info.filename, discard },
        () => badForm('The upload was interrupted'),
      );
    });
    parser.on('field', () => fail(badForm('Send exactly one part, named "file"')));

    // Past the limit the request is only read away, up to a point.
    let drained = 0;
    request.on('data', (chunk: Buffer) => {
      drained += chunk.length;
      if (drained > 2 * maxBytes + ENVELOPE_BYTES) request.destroy();
    });

    let settled = false;
    const settle = async (error?: AppError) => {
      if (settled) return;
      settled = true;
      const outcome = writing ? await writing : null;
      const refusal = error ?? failure ?? (outcome instanceof AppError ? outcome : null) ?? null;
      if (refusal || !outcome || outcome instanceof AppError) {
        await discard();
        reject(refusal ?? badForm('Send exactly one part, named "file"'));
        return;
      }
      resolve(outcome);
    };
    parser.on('close', () => void settle());
    parser.on('error', () => void settle(badForm('Malformed multipart request')));
    request.on('aborted', () => void settle(badForm('The upload was interrupted')));
    request.pipe(parser);
  });
}
