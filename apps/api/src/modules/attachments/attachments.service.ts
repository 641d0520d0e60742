import type { Attachment } from '@chat/contracts';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { DataSource, EntityManager } from 'typeorm';
import { AppError, notFound } from '../../common/errors/app-error.js';
import { RateLimits } from '../../common/rate-limit/rate-limits.service.js';
import { InjectConfig, type AppConfig } from '../../config/app-config.js';
import {
  ATTACHMENT_COLUMNS,
  storeKeysOf,
  thumbKeyOf,
  type AttachmentRow,
} from './attachment-row.js';
import { AttachmentUrls, type AttachmentVariant } from './attachment-urls.js';
import { detectContentType, INLINE_IMAGE_TYPES } from './content-type.js';
import { contentDisposition, sanitizeFileName } from './file-name.js';
import { previewImage } from './image-preview.js';
import { FILE_STORE, type FileStore } from './storage/file-store.js';
import { uploadsDir } from './storage/file-store.provider.js';
import { receiveUpload } from './upload-receiver.js';

/** An attachment as the download route needs it: where it was posted, and what it is. */
export interface StoredAttachment {
  id: string;
  uploaderId: string;
  /** Null until a message carries it (then only its uploader may read it). */
  conversationId: string | null;
  name: string;
  size: number;
  contentType: string;
  hasThumb: boolean;
}

/** Attachments a new message carries, linked in the transaction that inserts it. */
export interface AttachmentLink {
  messageId: string;
  conversationId: string;
  senderId: string;
  attachmentIds: string[];
}

/**
 * Uploads and their files: receiving (streamed, typed by their bytes, images measured and
 * thumbnailed), linking to a message, the signed URLs messages carry, serving, and discarding.
 * Owns the `attachments` table; the files live in the FileStore.
 */
@Injectable()
export class AttachmentsService {
  private readonly logger = new Logger('Attachments');
  private readonly urls: AttachmentUrls;
  readonly stagingDir: string;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(FILE_STORE) private readonly store: FileStore,
    @InjectConfig() private readonly config: AppConfig,
    private readonly limits: RateLimits,
  ) {
    this.urls = new AttachmentUrls(config.jwtSecret, config.ATTACHMENT_URL_TTL_S);
    this.stagingDir = join(uploadsDir(config), '.staging');
  }

  /** `POST /api/uploads`: the file of a multipart request, stored whole or not at all. */
  async upload(userId: string, request: IncomingMessage): Promise<Attachment> {
    await this.limits.consume('upload', userId);
    await this.limits.assertNotExhausted('uploadBytes', userId);
    const received = await receiveUpload(request, {
      stagingDir: this.stagingDir,
      maxBytes: this.config.UPLOAD_MAX_BYTES,
    });
    const id = randomUUID();
    const stored: string[] = [];
    try {
      await this.limits.consume('uploadBytes', userId, Math.max(1, received.size));
      const contentType = await detectContentType(received.path);
      // The file is stored while the image is measured and thumbnailed (both only read it).
      const [previewed, original] = await Promise.allSettled([
        INLINE_IMAGE_TYPES.has(contentType)
          ? previewImage(received.path, this.config.UPLOAD_MAX_IMAGE_PIXELS)
          : Promise.resolve(null),
        this.store
          .put(id, createReadStream(received.path), { size: received.size, contentType })
          .then(() => stored.push(id)),
      ]);
      if (original.status === 'rejected') throw original.reason;
      if (previewed.status === 'rejected') throw previewed.reason;
      const preview = previewed.value;
      if (preview) {
        await this.store.put(thumbKeyOf(id), Readable.from(preview.thumbnail), {
          size: preview.thumbnail.length,
          contentType: 'image/webp',
        });
        stored.push(thumbKeyOf(id));
      }
      const [row]: AttachmentRow[] = await this.db.query(
        `INSERT INTO attachments AS a (id, uploader_id, name, size, content_type, width, height, has_thumb)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${ATTACHMENT_COLUMNS}`,
        [
          id,
          userId,
          sanitizeFileName(received.clientName),
          received.size,
          contentType,
          preview?.width ?? null,
          preview?.height ?? null,
          preview !== null,
        ],
      );
      return this.toAttachment(row!);
    } catch (error) {
      await this.store.delete(stored).catch((e: Error) => this.logger.warn(e.message));
      throw error;
    } finally {
      await received.discard();
    }
  }

  /**
   * Links a new message's attachments inside the transaction that inserts it: each must be an
   * upload of the sender (else VALIDATION) that no message carries yet (else CONFLICT). The rows
   * are locked, so two sends of one upload cannot both take it.
   */
  async linkWithin(tx: EntityManager, link: AttachmentLink): Promise<void> {
    const rows: Array<Pick<AttachmentRow, 'id' | 'uploader_id' | 'message_id'>> = await tx.query(
      `SELECT id, uploader_id, message_id FROM attachments
       WHERE id = ANY($1::uuid[]) AND discarded_at IS NULL ORDER BY id FOR UPDATE`,
      [link.attachmentIds],
    );
    const own = rows.filter((row) => row.uploader_id === link.senderId);
    if (own.length !== link.attachmentIds.length)
      throw new AppError('VALIDATION', 'Attach only files you uploaded', [
        { path: 'attachmentIds', message: 'must be ids of your own uploads' },
      ]);
    if (own.some((row) => row.message_id !== null))
      throw new AppError('CONFLICT', 'A file can be attached to one message only', [
        { path: 'attachmentIds', message: 'already attached to another message' },
      ]);
    await tx.query(
      `UPDATE attachments SET message_id = $1, conversation_id = $2,
              position = array_position($3::uuid[], id)
       WHERE id = ANY($3::uuid[])`,
      [link.messageId, link.conversationId, link.attachmentIds],
    );
  }

  /** The attachments of each message, in the order they were sent, with fresh signed URLs. */
  async forMessages(messageIds: string[]): Promise<Map<string, Attachment[]>> {
    const byMessage = new Map<string, Attachment[]>();
    if (messageIds.length === 0) return byMessage;
    const rows: AttachmentRow[] = await this.db.query(
      `SELECT ${ATTACHMENT_COLUMNS} FROM attachments a
       WHERE a.message_id = ANY($1::bigint[]) AND a.discarded_at IS NULL
       ORDER BY a.message_id, a.position`,
      [messageIds],
    );
    for (const row of rows) {
      const key = String(row.message_id);
      byMessage.set(key, [...(byMessage.get(key) ?? []), this.toAttachment(row)]);
    }
    return byMessage;
  }

  /**
   * Makes a deleted message's attachments unreachable in the transaction of its tombstone;
   * `purgeDiscarded` then deletes rows and files (and the clean-up does if this process dies).
   */
  async discardWithin(tx: EntityManager, messageId: string): Promise<void> {
    await tx.query(
      `UPDATE attachments SET discarded_at = now() WHERE message_id = $1 AND discarded_at IS NULL`,
      [messageId],
    );
  }

  /** Deletes discarded attachments (of one message, or all), rows first and then their files. */
  async purgeDiscarded(messageId?: string): Promise<number> {
    const [rows]: [Array<Pick<AttachmentRow, 'id' | 'has_thumb'>>, number] = await this.db.query(
      `DELETE FROM attachments WHERE id IN (
         SELECT id FROM attachments
         WHERE discarded_at IS NOT NULL AND ($1::bigint IS NULL OR message_id = $1)
         LIMIT 1000 FOR UPDATE SKIP LOCKED)
       RETURNING id, has_thumb`,
      [messageId ?? null],
    );
    await this.deleteFiles(rows);
    return rows.length;
  }

  /**
   * Uploads no message took within `ageS` seconds. `SKIP LOCKED` and `DELETE … RETURNING` let
   * several processes run this at once: each row (and so each file) goes to exactly one.
   */
  async deleteOrphans(ageS: number): Promise<number> {
    const [rows]: [Array<Pick<AttachmentRow, 'id' | 'has_thumb'>>, number] = await this.db.query(
      `DELETE FROM attachments WHERE id IN (
         SELECT id FROM attachments
         WHERE message_id IS NULL AND created_at < now() - $1 * interval '1 second'
         LIMIT 1000 FOR UPDATE SKIP LOCKED)
       RETURNING id, has_thumb`,
      [ageS],
    );
    await this.deleteFiles(rows);
    return rows.length;
  }

  /** NOT_FOUND unless the id names a live attachment. */
  async locate(id: string): Promise<StoredAttachment> {
    const [row]: AttachmentRow[] = await this.db.query(
      `SELECT ${ATTACHMENT_COLUMNS} FROM attachments a WHERE a.id = $1 AND a.discarded_at IS NULL`,
      [id],
    );
    if (!row) throw notFound('Attachment');
    return {
      id: row.id,
      uploaderId: row.uploader_id,
      conversationId: row.conversation_id,
      name: row.name,
      size: Number(row.size),
      contentType: row.content_type,
      hasThumb: row.has_thumb,
    };
  }

  /** Seconds a signed URL is still valid for, or null when it is not a valid signature. */
  verifySignature(id: string, variant: AttachmentVariant, exp: string, sig: string) {
    return this.urls.verify(id, variant, exp, sig);
  }

  /**
   * Streams the file (or thumbnail) to the response. Only png/jpeg/gif/webp are inline; anything
   * else (SVG and HTML among them) is a download, and nothing is ever sniffed or scripted.
   */
  async serve(
    response: Response,
    attachment: StoredAttachment,
    variant: AttachmentVariant,
    cacheS: number,
  ): Promise<void> {
    if (variant === 'thumb' && !attachment.hasThumb) throw notFound('Thumbnail');
    const file = await this.store.get(
      variant === 'thumb' ? thumbKeyOf(attachment.id) : attachment.id,
    );
    if (!file) throw notFound('Attachment');
    const contentType = variant === 'thumb' ? 'image/webp' : attachment.contentType;
    const inline = INLINE_IMAGE_TYPES.has(contentType);
    const name = variant === 'thumb' ? `${attachment.name}.webp` : attachment.name;
    response.status(200).set({
      'Content-Type': contentType,
      'Content-Length': String(file.size),
      'Content-Disposition': contentDisposition(inline ? 'inline' : 'attachment', name),
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'; sandbox",
      'Cross-Origin-Resource-Policy': 'same-origin',
      'Cache-Control': `private, max-age=${Math.max(0, Math.floor(cacheS))}`,
      'Accept-Ranges': 'none',
    });
    try {
      await pipeline(file.stream, response);
    } catch (error) {
      // The client went away, or the store failed mid-file: the response is cut, not retried.
      this.logger.debug(`Download of ${attachment.id} ended early: ${(error as Error).message}`);
      file.stream.destroy();
    }
  }

  private toAttachment(row: AttachmentRow): Attachment {
    return {
      id: row.id,
      name: row.name,
      size: Number(row.size),
      contentType: row.content_type,
      ...(row.width !== null && row.height !== null
        ? { width: row.width, height: row.height }
        : {}),
      url: this.urls.url(row.id, 'file'),
      ...(row.has_thumb ? { thumbUrl: this.urls.url(row.id, 'thumb') } : {}),
    };
  }

  private async deleteFiles(rows: Array<Pick<AttachmentRow, 'id' | 'has_thumb'>>): Promise<void> {
    if (rows.length === 0) return;
    // A file whose row is gone is unreachable; failing to delete it only wastes space.
    await this.store
      .delete(rows.flatMap(storeKeysOf))
      .catch((error: Error) => this.logger.warn(`Files not deleted: ${error.message}`));
  }
}
