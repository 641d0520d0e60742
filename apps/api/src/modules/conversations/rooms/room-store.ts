import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { AppError } from '../../../common/errors/app-error.js';
import { ConversationMemberEntity } from '../conversation-member.entity.js';
import { ConversationEntity } from '../conversation.entity.js';

const UNIQUE_VIOLATION = '23505';

/** The rows behind general and the rooms. */
@Injectable()
export class RoomStore {
  constructor(
    @InjectRepository(ConversationEntity)
    private readonly conversations: Repository<ConversationEntity>,
  ) {}

  /** General first, then rooms by latest activity. */
  listPublic(): Promise<ConversationEntity[]> {
    return this.conversations
      .createQueryBuilder('c')
      .where(`c.kind IN ('general', 'room')`)
      .orderBy(`c.kind = 'general'`, 'DESC')
      .addOrderBy('c.last_message_at', 'DESC', 'NULLS LAST')
      .addOrderBy('c.name', 'ASC')
      .getMany();
  }

  /** General or a room, by slug. */
  findBySlug(slug: string): Promise<ConversationEntity | null> {
    return this.conversations.findOneBy({ slug });
  }

  /** A room and its owner's membership, together or not at all; 409 SLUG_TAKEN on a clash. */
  async create(input: { name: string; slug: string; topic: string | null; ownerId: string }) {
    try {
      return await this.conversations.manager.transaction(async (tx) => {
        const created = await tx.insert(ConversationEntity, {
          kind: 'room',
          name: input.name,
          slug: input.slug,
          topic: input.topic,
          createdBy: input.ownerId,
        });
        const id = created.identifiers[0]!.id as string;
        await tx.insert(ConversationMemberEntity, {
          conversationId: id,
          userId: input.ownerId,
          role: 'owner',
          lastReadSeq: 0,
        });
        return tx.findOneByOrFail(ConversationEntity, { id });
      });
    } catch (error) {
      if ((error as { code?: string }).code === UNIQUE_VIOLATION) {
        throw new AppError('SLUG_TAKEN', `A room called "${input.slug}" already exists`, [
          { path: 'name', message: 'a room with this name already exists' },
        ]);
      }
      throw error;
    }
  }
}
