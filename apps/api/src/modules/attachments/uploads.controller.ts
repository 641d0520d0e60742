import { attachmentSchema } from '@chat/contracts';
import { Controller, Post, Req } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { CurrentUserId } from '../../common/access/access.decorators.js';
import { ApiContract } from '../../common/openapi/api-contract.decorator.js';
import { attachmentExample } from '../../common/openapi/examples.js';
import { AttachmentsService } from './attachments.service.js';

@ApiTags('attachments')
@Controller('uploads')
export class UploadsController {
  constructor(private readonly attachments: AttachmentsService) {}

  @Post()
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    required: true,
    schema: {
      type: 'object',
      required: ['file'],
      properties: { file: { type: 'string', format: 'binary', description: 'The file' } },
    },
  })
  @ApiContract({
    summary: 'Upload a file, for a message to carry (201 Attachment)',
    description:
      'Multipart with one part named `file`, at most UPLOAD_MAX_BYTES (default 10 MiB; larger is 413 and nothing is kept). The content type comes from the bytes; png, jpeg, gif and webp images get width, height and a webp thumbnail (≤ 512 px). Send its `id` in `attachmentIds` of a message within 24 h, or it is deleted. Signed-in users only; 20 uploads per hour and 200 MiB per day.',
    response: attachmentSchema,
    example: attachmentExample,
    status: 201,
    errors: ['VALIDATION', 'PAYLOAD_TOO_LARGE', 'RATE_LIMITED'],
  })
  upload(@CurrentUserId() userId: string, @Req() request: Request) {
    return this.attachments.upload(userId, request);
  }
}
