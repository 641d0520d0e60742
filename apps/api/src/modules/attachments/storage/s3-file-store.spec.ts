import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe } from '@jest/globals';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import { fileStoreContract } from './file-store.contract.js';
import { S3FileStore, type S3StoreOptions } from './s3-file-store.js';

/**
 * The FileStore contract on the S3 store, against s3rver (an S3-compatible server in Node,
 * files in a temp directory): the real S3 client, the real HTTP API, no mocks.
 */
describe('S3FileStore (the FileStore contract on an S3-compatible server)', () => {
  let server: S3rver;
  let directory: string;
  let options: S3StoreOptions;
  let store: S3FileStore;

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 's3rver-'));
    server = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory });
    const { port } = await server.run();
    options = {
      bucket: 'chat-uploads',
      endpoint: `http://127.0.0.1:${port}`,
      region: 'us-east-1',
      accessKeyId: 'S3RVER',
      secretAccessKey: 'S3RVER',
      forcePathStyle: true,
    };
    const client = new S3Client({
      region: options.region,
      endpoint: options.endpoint,
      forcePathStyle: true,
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    });
    await client.send(new CreateBucketCommand({ Bucket: options.bucket }));
    client.destroy();
    store = new S3FileStore(options);
  });
  afterAll(async () => {
    store?.close();
    await server?.close();
    await rm(directory, { recursive: true, force: true });
  });

  fileStoreContract(() => store);
});
