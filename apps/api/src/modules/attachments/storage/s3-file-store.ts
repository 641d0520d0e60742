import {
  DeleteObjectsCommand,
  GetObjectCommand,
  NoSuchKey,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { PassThrough, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { assertStoreKey, type ByteRange, type FileStore, type StoredFile } from './file-store.js';

export interface S3StoreOptions {
  bucket: string;
  endpoint?: string;
  region: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  forcePathStyle: boolean;
}

/**
 * An S3-compatible bucket, so several API processes share the files. A PUT is atomic in S3
 * (the object appears whole or not at all), which gives the store's "whole file or none".
 */
export class S3FileStore implements FileStore {
  private readonly client: S3Client;

  constructor(private readonly options: S3StoreOptions) {
    this.client = new S3Client({
      region: options.region,
      ...(options.endpoint ? { endpoint: options.endpoint } : {}),
      forcePathStyle: options.forcePathStyle,
      // Plain bodies: the default "aws-chunked" encoding with trailing checksums is stored
      // verbatim by S3-compatible servers that do not speak it (s3rver, older MinIO, Ceph).
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      ...(options.accessKeyId && options.secretAccessKey
        ? {
            credentials: {
              accessKeyId: options.accessKeyId,
              secretAccessKey: options.secretAccessKey,
            },
          }
        : {}),
    });
  }

  async put(
    key: string,
    source: Readable,
    info: { size: number; contentType: string },
  ): Promise<void> {
    assertStoreKey(key);
    // Through a pipe, so a failing source fails the request (and is not an unhandled error).
    const body = new PassThrough();
    await Promise.all([
      pipeline(source, body),
      this.client.send(
        new PutObjectCommand({
          Bucket: this.options.bucket,
          Key: key,
          Body: body,
          ContentLength: info.size,
          ContentType: info.contentType,
        }),
      ),
    ]);
  }

  async get(key: string, range?: ByteRange): Promise<StoredFile | null> {
    assertStoreKey(key);
    try {
      const answer = await this.client.send(
        new GetObjectCommand({
          Bucket: this.options.bucket,
          Key: key,
          ...(range ? { Range: `bytes=${range.start}-${range.end}` } : {}),
        }),
      );
      // With a range, Content-Range ("bytes 0-9/1234") holds the whole size.
      const total = answer.ContentRange?.split('/')[1];
      return {
        stream: answer.Body as Readable,
        size: total ? Number(total) : Number(answer.ContentLength ?? 0),
      };
    } catch (error) {
      if (error instanceof NoSuchKey || (error as { name?: string }).name === 'NoSuchKey')
        return null;
      throw error;
    }
  }

  /** Closes the client's kept-alive connections. */
  close(): void {
    this.client.destroy();
  }

  async delete(keys: string[]): Promise<void> {
    if (keys.length === 0) return;
    keys.forEach(assertStoreKey);
    await this.client.send(
      new DeleteObjectsCommand({
        Bucket: this.options.bucket,
        Delete: { Objects: keys.map((Key) => ({ Key })), Quiet: true },
      }),
    );
  }
}
