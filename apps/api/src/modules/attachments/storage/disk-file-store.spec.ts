import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DiskFileStore } from './disk-file-store.js';
import { fileStoreContract } from './file-store.contract.js';

describe('DiskFileStore (the FileStore contract on a real directory)', () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'file-store-'));
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  fileStoreContract(() => new DiskFileStore(root));

  it('leaves no partial file behind after a failed put', async () => {
    const partials = await readdir(join(root, '.incoming')).catch(() => []);
    expect(partials).toEqual([]);
  });
});
