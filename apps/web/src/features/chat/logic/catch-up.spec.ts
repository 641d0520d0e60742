import type { JoinResult, Message, MessagePage } from '@chat/contracts';
import { describe, expect, it } from 'vitest';
import { catchUp, type CatchUpSource } from './catch-up';
import { emptyList, lastSeq, mergeMessages } from './message-list';
import { CONVERSATION_ID, message } from './test-messages';

/** A server holding messages 1..total that answers joins (200 at most) and REST pages. */
function server(total: number) {
  const all = Array.from({ length: total }, (_, i) => message(i + 1));
  const calls: string[] = [];
  const after = (seq: number, limit: number): MessagePage => {
    const items = all.filter((m) => m.seq > seq).slice(0, limit);
    return { items, hasMore: all.some((m) => m.seq > (items.at(-1)?.seq ?? seq)) };
  };
  const source: CatchUpSource = {
    join: async (afterSeq) => {
      calls.push(`join ${afterSeq}`);
      const page = after(afterSeq, 200);
      const result: JoinResult = {
        conversation: {
          id: CONVERSATION_ID,
          kind: 'general',
          name: 'General',
          memberCount: 0,
          onlineCount: 0,
          lastMessageAt: null,
          lastSeq: total,
        },
        presence: [],
        missed: page.items,
        hasMore: page.hasMore,
      };
      return result;
    },
    fetchAfter: async (afterSeq, limit) => {
      calls.push(`rest after=${afterSeq} limit=${limit}`);
      return after(afterSeq, limit);
    },
  };
  return { all, source, calls };
}

const seqs = (messages: Message[]) => messages.map((m) => m.seq);

describe('catchUp', () => {
  it('takes a short gap from the join alone', async () => {
    const { source, calls } = server(12);
    const result = await catchUp(10, source);
    expect(seqs(result.messages)).toEqual([11, 12]);
    expect(result.complete).toBe(true);
    expect(calls).toEqual(['join 10']);
  });

  it('fills a long gap with REST pages after the join', async () => {
    const { source, calls } = server(450);
    const result = await catchUp(5, source);
    expect(seqs(result.messages)).toEqual(Array.from({ length: 445 }, (_, i) => i + 6));
    expect(result.complete).toBe(true);
    expect(calls).toEqual([
      'join 5',
      'rest after=205 limit=100',
      'rest after=305 limit=100',
      'rest after=405 limit=100',
    ]);
  });

  it('leaves a list with no holes and no duplicates after a reconnect', async () => {
    const { all, source } = server(300);
    // The reader had 1..40 and, live, 38..41 arrived twice and out of order before the drop.
    let list = mergeMessages(emptyList(), all.slice(0, 40));
    list = mergeMessages(list, [all[40]!, all[38]!, all[37]!]);

    const result = await catchUp(lastSeq(list), source);
    list = mergeMessages(list, result.messages);

    expect(seqs(list.messages)).toEqual(Array.from({ length: 300 }, (_, i) => i + 1));
  });

  it('gives up on a gap too long to page through, so the caller can reload instead', async () => {
    const { source } = server(2000);
    const result = await catchUp(0, source, 2);
    expect(result.complete).toBe(false);
    expect(seqs(result.messages)).toHaveLength(400);
  });
});
