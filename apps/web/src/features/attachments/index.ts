// The attachments feature's public face: other features import only from here.
export { MessageAttachments } from './components/message-attachments';
export { PendingAttachments } from './components/pending-attachments';
export {
  usePendingUploads,
  type PendingUpload,
  type PendingUploads,
} from './hooks/use-pending-uploads';
export { formatSize, uploadFile } from './api/upload';
