import type { QueryClient } from '@tanstack/react-query';

/**
 * The newest seq this tab has marked read per conversation, in the query cache. A `mention:new`
 * can arrive after the open conversation already marked its message read; the badges check
 * here so such a mention does not count as new.
 */
const readMarkerKey = (conversationId: string) => ['read-marker', conversationId] as const;

export function noteRead(queryClient: QueryClient, conversationId: string, seq: number): void {
  queryClient.setQueryData<number>(readMarkerKey(conversationId), (held) =>
    Math.max(held ?? 0, seq),
  );
}

export function readSeqOf(queryClient: QueryClient, conversationId: string): number {
  return queryClient.getQueryData<number>(readMarkerKey(conversationId)) ?? 0;
}
