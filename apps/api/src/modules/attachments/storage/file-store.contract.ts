import { expect, it } from '@jest/globals';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import type { FileStore } from './file-store.js';

/**
 * What every FileStore promises, written once and run on each implementation (the disk store
 * here; the S3 store when a server is available, see docs/decisions.md).
 */
export function fileStoreContract(makeStore: () => FileStore): void {
  const bytes = (value: string) => Readable.from([Buffer.from(value)]);
  const info = (value: string) => ({ size: Buffer.byteLength(value), contentType: 'text/plain' });

  it('gives back what was put, with its size', async () => {
    const store = makeStore();
    await store.put('a1-file', bytes('hello world'), info('hello world'));
    const got = await store.get('a1-file');
    expect(got?.size).toBe(11);
    expect(await text(got!.stream)).toBe('hello world');
  });

  it('reads a range (both ends included) and still tells the whole size', async () => {
    const store = makeStore();
    await store.put('a2-file', bytes('0123456789'), info('0123456789'));
    const got = await store.get('a2-file', { start: 2, end: 5 });
    expect(got?.size).toBe(10);
    expect(await text(got!.stream)).toBe('2345');
  });

  it('answers null for a key it does not hold, and deleting one is no error', async () => {
    const store = makeStore();
    expect(await store.get('b0-missing')).toBeNull();
    await expect(store.delete(['b0-missing'])).resolves.toBeUndefined();
  });

  it('deletes several keys at once', async () => {
    const store = makeStore();
    await store.put('c1-file', bytes('one'), info('one'));
    await store.put('c1-file.thumb', bytes('two'), info('two'));
    await store.delete(['c1-file', 'c1-file.thumb']);
    expect(await store.get('c1-file')).toBeNull();
    expect(await store.get('c1-file.thumb')).toBeNull();
  });

  it('keeps nothing of a put whose source fails half-way', async () => {
    const store = makeStore();
    const failing = new Readable({
      read() {
        this.push(Buffer.from('partial'));
        this.destroy(new Error('client went away'));
      },
    });
    await expect(
      store.put('d1-file', failing, { size: 100, contentType: 'text/plain' }),
    ).rejects.toThrow();
    expect(await store.get('d1-file')).toBeNull();
  });

  it('refuses a key that looks like a path', async () => {
    const store = makeStore();
    await expect(store.put('../x', bytes('x'), info('x'))).rejects.toThrow(/store key/);
    await expect(store.get('a/../../etc')).rejects.toThrow(/store key/);
  });
}
