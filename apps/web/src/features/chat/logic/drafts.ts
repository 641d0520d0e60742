import { readStored, writeStored } from './local-store';

// Per account and conversation, so a shared browser never shows one person's draft to another.
const draftKey = (owner: string, conversationId: string) => `chat:draft:${owner}:${conversationId}`;

export function loadDraft(owner: string, conversationId: string, storage?: Storage): string {
  const value = readStored<unknown>(draftKey(owner, conversationId), '', storage);
  return typeof value === 'string' ? value : '';
}

/** An empty draft removes the entry. */
export function saveDraft(
  owner: string,
  conversationId: string,
  text: string,
  storage?: Storage,
): void {
  writeStored(draftKey(owner, conversationId), text.trim() ? text : null, storage);
}
