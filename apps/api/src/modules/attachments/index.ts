// The attachments module's public face: other modules import only from here.
export { AttachmentsModule } from './attachments.module.js';
export {
  AttachmentsService,
  type AttachmentLink,
  type StoredAttachment,
} from './attachments.service.js';
export { AttachmentUrls, type AttachmentVariant } from './attachment-urls.js';
