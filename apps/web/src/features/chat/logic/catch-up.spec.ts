import type { JoinResult, Message, MessagePage } from '@chat/contracts';
import { describe, expect, it } from 'vitest';
import { catchUp, fetchChangesAfter, type CatchUpSource } from './catch-up';
import { applyChanges, emptyList, lastSeq, mergeMessages } from './message-list';
import { changed, CONVERSATION_ID, message } from './test-messages';

/**
 * A server whose conversation saw `total` sends, then an edit of every tenth message: each
 * change takes the next counter value, and `changes` answers by rev as the contract says.
 */
function server(total: number, edits = false) {
  const byId = new Map<string, Message>();
  for (let seq = 1; seq <= total; seq += 1) byId.set(String(1000 + seq), message(seq));
  let counter = total;
  if (edits) {
    for (let seq = 10; seq <= total; seq += 10) {
      counter += 1;
      const original = byId.get(String(1000 + seq))!;
      byId.set(original.id, changed(original, counter, { body: `edited ${seq}` }));
    }
  }
  const calls: string[] = [];
  const after = (rev: number, limit: number): MessagePage => {
    const all = [...byId.values()].filter((m) => m.rev > rev).sort((a, b) => a.rev - b.rev);
    return { items: all.slice(0, limit), hasMore: all.length > limit };
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
          lastSeq: counter,
        },
        presence: [],
        presenceCount: 0,
        missed: page.items,
        hasMore: page.hasMore,
      };
      return result;
    },
    fetchChanges: async (afterRev, limit) => {
      calls.push(`changes after=${afterRev} limit=${limit}`);
      return after(afterRev, limit);
    },
  };
  const state = () => [...byId.values()].sort((a, b) => a.seq - b.seq);
  return { state, source, calls, counter: () => counter };
}

const seqs = (messages: Message[]) => messages.map((m) => m.seq);

describe('catchUp', () => {
  it('takes a short gap from the join alone', async () => {
    const { source, calls } = server(12);
    const result = await catchUp(10, source);
    expect(seqs(result.messages)).toEqual([11, 12]);
    expect(result).toMatchObject({ complete: true, through: 12 });
    expect(calls).toEqual(['join 10']);
  });

  it('fills a long gap with changes pages after the join, each after the last rev', async () => {
    const { source, calls } = server(450);
    const result = await catchUp(5, source);
    expect(seqs(result.messages)).toEqual(Array.from({ length: 445 }, (_, i) => i + 6));
    expect(result.complete).toBe(true);
    expect(calls).toEqual(['join 5', 'changes after=205 limit=200', 'changes after=405 limit=200']);
  });

  it('brings edits of messages older than the cursor, so the list ends as the server has it', async () => {
    const { state, source, counter } = server(300, true);
    let list = mergeMessages(emptyList(), state().slice(0, 40).map(unedited));
    expect(lastSeq(list)).toBe(40);

    const result = await catchUp(lastSeq(list), source);
    list = applyChanges(list, result.messages, result.through);

    expect(list.messages).toEqual(state());
    expect(list.messages[9]?.body).toBe('edited 10');
    expect(lastSeq(list)).toBe(counter());
  });

  it('gives up on a run too long to page through, so the caller can reload instead', async () => {
    const { source } = server(2000);
    const result = await catchUp(0, source, 2);
    expect(result.complete).toBe(false);
    expect(seqs(result.messages)).toHaveLength(600);
  });
});

describe('fetchChangesAfter', () => {
  it('pages through changes without a join and says how far they reach', async () => {
    const { state, source, calls, counter } = server(400, true);
    const result = await fetchChangesAfter(100, source);
    const revs = result.messages.map((m) => m.rev);
    expect(calls).toHaveLength(2);
    expect(calls[0]).toBe('changes after=100 limit=200');
    expect(calls[1]).toBe(`changes after=${revs[199]} limit=200`);
    expect(result).toMatchObject({ complete: true, through: counter() });
    expect(revs).toEqual([...revs].sort((a, b) => a - b));
    const expected = state().filter((m) => m.rev > 100);
    expect(new Set(result.messages.map((m) => m.id))).toEqual(new Set(expected.map((m) => m.id)));
  });
});

/** The message as it was created (before the test server's edits). */
function unedited(m: Message): Message {
  return { ...m, rev: m.seq, body: `message ${m.seq}` };
}
