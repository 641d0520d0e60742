import type { Conversation } from '@chat/contracts';
import type { ConversationEntity } from './conversation.entity.js';

/** The contract's Conversation from a row plus its counts. */
export function toConversation(
  entity: ConversationEntity,
  counts: { memberCount: number; onlineCount: number },
): Conversation {
  return {
    id: entity.id,
    kind: entity.kind,
    ...(entity.slug ? { slug: entity.slug } : {}),
    name: entity.name,
    ...(entity.topic ? { topic: entity.topic } : {}),
    memberCount: counts.memberCount,
    onlineCount: counts.onlineCount,
    lastMessageAt: entity.lastMessageAt?.toISOString() ?? null,
    lastSeq: entity.lastSeq,
    ...(entity.archivedAt ? { archived: true as const } : {}),
  };
}
