import { attachmentDownloadQuerySchema, attachmentIdParamSchema } from '@chat/contracts';
import type { AttachmentDownloadQuery } from '@chat/contracts';
import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal, Public } from '../../../common/access/access.decorators.js';
import type { MaybePrincipal } from '../../../common/access/principal.js';
import { Valid } from '../../../common/http/zod-validation.pipe.js';
import { ApiContract } from '../../../common/openapi/api-contract.decorator.js';
import { AttachmentDownloads } from './attachment-downloads.service.js';

const ACCESS =
  "With the `exp` and `sig` of `Attachment.url` (for `<img>` and links, which cannot send a token), or with the bearer token of a user who can read a conversation where it was posted (before it is posted: its uploader). Anyone else, and an id that names nothing, gets 404. Served with `X-Content-Type-Options: nosniff`, a CSP of `default-src 'none'`, and `Content-Disposition: attachment` unless it is a png, jpeg, gif or webp image (SVG is always a download).";

@ApiTags('attachments')
@Controller('attachments/:attachmentId')
export class AttachmentDownloadsController {
  constructor(private readonly downloads: AttachmentDownloads) {}

  @Get()
  @Public() // a signed URL stands in for the token; the service decides
  @ApiProduces('application/octet-stream')
  @ApiContract({
    summary: 'Download an attachment (streamed)',
    description: ACCESS,
    params: attachmentIdParamSchema,
    query: attachmentDownloadQuerySchema,
    status: 200,
    errors: ['UNAUTHORIZED', 'NOT_FOUND'],
  })
  async file(
    @CurrentPrincipal() principal: MaybePrincipal,
    @Param(Valid(attachmentIdParamSchema)) params: { attachmentId: string },
    @Query(Valid(attachmentDownloadQuerySchema)) query: AttachmentDownloadQuery,
    @Res() response: Response,
  ): Promise<void> {
    await this.downloads.send(response, principal, params.attachmentId, 'file', query);
  }

  @Get('thumb')
  @Public()
  @ApiProduces('image/webp')
  @ApiContract({
    summary: "An image attachment's thumbnail (webp, at most 512 px)",
    description: `${ACCESS} Only images have one.`,
    params: attachmentIdParamSchema,
    query: attachmentDownloadQuerySchema,
    status: 200,
    errors: ['UNAUTHORIZED', 'NOT_FOUND'],
  })
  async thumb(
    @CurrentPrincipal() principal: MaybePrincipal,
    @Param(Valid(attachmentIdParamSchema)) params: { attachmentId: string },
    @Query(Valid(attachmentDownloadQuerySchema)) query: AttachmentDownloadQuery,
    @Res() response: Response,
  ): Promise<void> {
    await this.downloads.send(response, principal, params.attachmentId, 'thumb', query);
  }
}
