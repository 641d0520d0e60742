/** A row of `attachments`, as the queries of this module select it. */
export interface AttachmentRow {
  id: string;
  uploader_id: string;
  conversation_id: string | null;
  message_id: string | null;
  name: string;
  /** bigint: pg returns a string. */
  size: string;
  content_type: string;
  width: number | null;
  height: number | null;
  has_thumb: boolean;
}

export const ATTACHMENT_COLUMNS = `a.id, a.uploader_id, a.conversation_id, a.message_id, a.name,
  a.size, a.content_type, a.width, a.height, a.has_thumb`;

/** The store keys of an attachment: the file, and the thumbnail when it has one. */
export function storeKeysOf(row: Pick<AttachmentRow, 'id' | 'has_thumb'>): string[] {
  return row.has_thumb ? [row.id, thumbKeyOf(row.id)] : [row.id];
}

export const thumbKeyOf = (id: string) => `${id}.thumb`;
