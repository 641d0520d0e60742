import { describe, expect, it } from 'vitest';
import { loadDraft, saveDraft } from './drafts';
import { DEFAULT_QUICK_EMOJI, quickEmoji, recordEmojiUse } from './emoji-usage';
import { filterMentionables, insertMention, mentionAt } from './mention-query';
import { canEdit, firstUnread, lastEditable, replyPreviewOf } from './reply';
import { ALICE, BOB, message } from './test-messages';

describe('drafts', () => {
  it('keeps one draft per account and conversation, and forgets an empty one', () => {
    saveDraft('user:a', 'c1', 'half a thought');
    expect(loadDraft('user:a', 'c1')).toBe('half a thought');
    expect(loadDraft('user:b', 'c1')).toBe('');
    expect(loadDraft('user:a', 'c2')).toBe('');
    saveDraft('user:a', 'c1', '   ');
    expect(localStorage.getItem('chat:draft:user:a:c1')).toBeNull();
  });
});

describe('quick emoji', () => {
  it('starts with the defaults and puts the most used first', () => {
    expect(quickEmoji('u1')).toEqual(DEFAULT_QUICK_EMOJI);
    recordEmojiUse('u1', '🦀');
    recordEmojiUse('u1', '🦀');
    recordEmojiUse('u1', '🎉');
    const row = quickEmoji('u1');
    expect(row).toHaveLength(6);
    expect(row.slice(0, 2)).toEqual(['🦀', '🎉']);
    expect(new Set(row).size).toBe(6);
  });
});

describe('mention autocomplete', () => {
  it('finds the @partial before the caret, not inside a word or an address', () => {
    expect(mentionAt('hi @al', 6)).toEqual({ start: 3, query: 'al' });
    expect(mentionAt('@', 1)).toEqual({ start: 0, query: '' });
    expect(mentionAt('mail a@bo', 9)).toBeUndefined();
    expect(mentionAt('hi @al there', 12)).toBeUndefined();
  });

  it('inserts the username with a space and moves the caret after it', () => {
    expect(insertMention('hi @al!', 3, 6, 'alice')).toEqual({ text: 'hi @alice !', caret: 10 });
  });

  it('matches usernames and names, prefixes first, without the writer', () => {
    const people = [
      { id: '1', username: 'alice', displayName: 'Alice' },
      { id: '2', username: 'malia', displayName: 'Malia' },
      { id: '3', username: 'bob', displayName: 'Al Bob' },
    ];
    expect(filterMentionables(people, 'al').map((p) => p.username)).toEqual([
      'alice',
      'bob',
      'malia',
    ]);
    expect(filterMentionables(people, '', '1').map((p) => p.username)).toEqual(['bob', 'malia']);
  });
});

describe('replies and edits', () => {
  it('quotes the parent in at most 140 characters on one line', () => {
    const preview = replyPreviewOf(message(4, { body: `line\n${'x'.repeat(200)}` }));
    expect(preview).toMatchObject({ id: '1004', seq: 4, senderName: 'Bob' });
    expect(preview.excerpt).toHaveLength(140);
    expect(preview.excerpt.startsWith('line x')).toBe(true);
  });

  it('edits the newest own text message that is not deleted', () => {
    const messages = [
      message(1, { sender: ALICE, body: 'older' }),
      message(2, { sender: ALICE, deletedAt: 'then', body: '' }),
      message(3, { sender: BOB }),
    ];
    expect(lastEditable(messages, ALICE.id)?.body).toBe('older');
    expect(canEdit(messages[2]!, ALICE.id)).toBe(false);
    expect(canEdit(message(5, { sender: ALICE, kind: 'system' }), ALICE.id)).toBe(false);
  });

  it('finds the first unread by counting others’ messages back from the newest', () => {
    const messages = [message(1), message(2), message(3, { sender: ALICE }), message(4)];
    expect(firstUnread(messages, ALICE.id, 2)?.seq).toBe(2);
    expect(firstUnread(messages, ALICE.id, 0)).toBeUndefined();
    expect(firstUnread(messages, ALICE.id, 9)).toBeUndefined();
  });
});
