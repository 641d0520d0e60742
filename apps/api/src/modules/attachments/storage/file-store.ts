import type { Readable } from 'node:stream';

/** Bytes `start` to `end` of a file, both included (as in an HTTP Range header). */
export interface ByteRange {
  start: number;
  end: number;
}

export interface StoredFile {
  stream: Readable;
  /** The size of the whole file (not of the range). */
  size: number;
}

/**
 * Where uploaded bytes live: a local directory or an S3-compatible bucket. Keys are made by the
 * attachments module (`[a-z0-9.-]`), never by a client. A reader sees a whole file or none: a
 * `put` that fails half-way leaves nothing under its key.
 */
export interface FileStore {
  /** Stores `size` bytes read from `source` under `key`. */
  put(key: string, source: Readable, info: { size: number; contentType: string }): Promise<void>;
  /** The file (or a range of it) as a stream; null when there is no such key. */
  get(key: string, range?: ByteRange): Promise<StoredFile | null>;
  /** Deletes these keys; a key that does not exist is not an error. */
  delete(keys: string[]): Promise<void>;
}

export const FILE_STORE = Symbol('FILE_STORE');

const KEY = /^[a-z0-9][a-z0-9.-]{0,127}$/;

/** Keys are internal, but a store refuses anything path-like all the same. */
export function assertStoreKey(key: string): void {
  if (!KEY.test(key) || key.includes('..')) throw new Error(`Not a store key: ${key}`);
}
