import type { AttachmentDownloadQuery } from '@chat/contracts';
import { Injectable } from '@nestjs/common';
import type { Response } from 'express';
import type { MaybePrincipal } from '../../../common/access/principal.js';
import { AppError, notFound, unauthorized } from '../../../common/errors/app-error.js';
import {
  AttachmentsService,
  type AttachmentVariant,
  type StoredAttachment,
} from '../../attachments/index.js';
import { ConversationAccess } from '../access/conversation-access.service.js';

/** Seconds a browser may keep a download fetched with the token (no URL expiry bounds it). */
const TOKEN_CACHE_S = 60;

/**
 * Who may download an attachment: the holder of a URL signed for it (issued only to those who
 * could read it), or a reader of the conversation it was posted in (its uploader before).
 */
@Injectable()
export class AttachmentDownloads {
  constructor(
    private readonly attachments: AttachmentsService,
    private readonly access: ConversationAccess,
  ) {}

  async send(
    response: Response,
    principal: MaybePrincipal,
    id: string,
    variant: AttachmentVariant,
    { exp, sig }: AttachmentDownloadQuery,
  ): Promise<void> {
    const signedForS =
      exp !== undefined && sig !== undefined
        ? this.attachments.verifySignature(id, variant, exp, sig)
        : null;
    if (signedForS === null && !principal)
      throw unauthorized('This link has expired: reload the conversation for a fresh one');
    const attachment = await this.attachments.locate(id);
    if (signedForS === null) await this.assertReadable(principal, attachment);
    await this.attachments.serve(response, attachment, variant, signedForS ?? TOKEN_CACHE_S);
  }

  /** Anyone who may not read it is told it does not exist (404), as for conversations. */
  private async assertReadable(principal: MaybePrincipal, attachment: StoredAttachment) {
    if (attachment.conversationId === null) {
      if (principal?.kind === 'user' && principal.id === attachment.uploaderId) return;
      throw notFound('Attachment');
    }
    await this.access.getReadable(principal, attachment.conversationId).catch((error: unknown) => {
      if (error instanceof AppError) throw notFound('Attachment');
      throw error;
    });
  }
}
