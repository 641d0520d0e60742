import { Module } from '@nestjs/common';
import { AttachmentCleanup } from './attachment-cleanup.js';
import { AttachmentsService } from './attachments.service.js';
import { fileStoreProvider } from './storage/file-store.provider.js';
import { UploadsController } from './uploads.controller.js';

/**
 * Owns the `attachments` table and the file store. Messages link and show attachments through
 * AttachmentsService; the conversation domain serves downloads (it knows who may read what).
 */
@Module({
  controllers: [UploadsController],
  providers: [AttachmentsService, AttachmentCleanup, fileStoreProvider],
  exports: [AttachmentsService],
})
export class AttachmentsModule {}
