import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { assertStoreKey, type ByteRange, type FileStore, type StoredFile } from './file-store.js';

/**
 * Files under one directory (DATA_DIR/uploads), two-character shards so no directory holds
 * millions of entries. A file is written beside its place and renamed into it, so a reader (or
 * a crash) never meets half a file.
 */
export class DiskFileStore implements FileStore {
  private readonly incoming: string;

  constructor(private readonly root: string) {
    this.incoming = join(root, '.incoming');
  }

  async put(key: string, source: Readable): Promise<void> {
    const target = this.pathOf(key);
    await mkdir(this.incoming, { recursive: true });
    await mkdir(join(target, '..'), { recursive: true });
    const partial = join(this.incoming, `${randomUUID()}.part`);
    try {
      await pipeline(source, createWriteStream(partial, { flags: 'wx' }));
      await rename(partial, target);
    } catch (error) {
      await rm(partial, { force: true });
      throw error;
    }
  }

  async get(key: string, range?: ByteRange): Promise<StoredFile | null> {
    const path = this.pathOf(key);
    try {
      const { size } = await stat(path);
      return { stream: createReadStream(path, range ?? {}), size };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async delete(keys: string[]): Promise<void> {
    await Promise.all(keys.map((key) => rm(this.pathOf(key), { force: true })));
  }

  private pathOf(key: string): string {
    assertStoreKey(key);
    return join(this.root, key.slice(0, 2), key);
  }
}
