import type {
  Conversation,
  ConversationList,
  CreateRoomBody,
  MemberRole,
  Membership,
  RoomBanList,
  RoomDetails,
  UpdateRoomBody,
} from '@chat/contracts';
import {
  queryOptions,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';

export interface RoomListParams {
  q?: string;
  cursor?: string;
  mine?: boolean;
  limit?: number;
}

/** One page of GET /api/rooms: general first (first page, unless `mine`), then rooms. */
export function listRooms(params: RoomListParams = {}): Promise<ConversationList> {
  const query = new URLSearchParams();
  if (params.q) query.set('q', params.q);
  if (params.cursor) query.set('cursor', params.cursor);
  if (params.mine) query.set('mine', 'true');
  if (params.limit) query.set('limit', String(params.limit));
  const suffix = query.size > 0 ? `?${query}` : '';
  return apiRequest<ConversationList>(`/api/rooms${suffix}`);
}

export function getRoom(slug: string): Promise<RoomDetails> {
  return apiRequest<RoomDetails>(`/api/rooms/${encodeURIComponent(slug)}`);
}

export function createRoom(body: CreateRoomBody): Promise<Conversation> {
  return apiRequest<Conversation>('/api/rooms', { method: 'POST', body });
}

export function joinRoom(slug: string): Promise<Membership> {
  return apiRequest<Membership>(`/api/rooms/${encodeURIComponent(slug)}/join`, { method: 'POST' });
}

export function leaveRoom(slug: string): Promise<void> {
  return apiRequest<void>(`/api/rooms/${encodeURIComponent(slug)}/members/me`, {
    method: 'DELETE',
  });
}

const roomPath = (slug: string) => `/api/rooms/${encodeURIComponent(slug)}`;

export function setMemberRole(slug: string, userId: string, role: MemberRole): Promise<Membership> {
  return apiRequest<Membership>(`${roomPath(slug)}/members/${userId}`, {
    method: 'PUT',
    body: { role },
  });
}

export function kickMember(slug: string, userId: string): Promise<void> {
  return apiRequest<void>(`${roomPath(slug)}/members/${userId}`, { method: 'DELETE' });
}

export function setBanned(slug: string, userId: string, banned: boolean): Promise<void> {
  return apiRequest<void>(`${roomPath(slug)}/bans/${userId}`, {
    method: banned ? 'PUT' : 'DELETE',
  });
}

export function listBans(slug: string): Promise<RoomBanList> {
  return apiRequest<RoomBanList>(`${roomPath(slug)}/bans`);
}

export function updateRoom(slug: string, body: UpdateRoomBody): Promise<Conversation> {
  return apiRequest<Conversation>(roomPath(slug), { method: 'PATCH', body });
}

export function setArchived(slug: string, archived: boolean): Promise<Conversation> {
  return apiRequest<Conversation>(`${roomPath(slug)}/archive`, {
    method: archived ? 'POST' : 'DELETE',
  });
}

export const roomsKey = ['rooms'] as const;
export const roomListKey = (q: string) => [...roomsKey, 'list', q] as const;
export const myRoomsKey = [...roomsKey, 'mine'] as const;
export const generalKey = [...roomsKey, 'general'] as const;
export const roomKey = (slug: string) => [...roomsKey, 'detail', slug.toLowerCase()] as const;
export const bansKey = (slug: string) => [...roomsKey, 'bans', slug.toLowerCase()] as const;
/** Why I am out of a room I had open (set by `conversation:removed`), by conversation id. */
export const removalKey = (conversationId: string) =>
  [...roomsKey, 'removed', conversationId] as const;

/** The sidebar shows at most this many of one's rooms. */
const MY_ROOMS_MAX = 100;

/** Every room, a page at a time (most active first), matching `q`. */
export function useRoomPages(q: string) {
  return useInfiniteQuery({
    queryKey: roomListKey(q),
    queryFn: ({ pageParam }) => listRooms({ q, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

/** The rooms a signed-in user belongs to. */
export function useMyRooms(enabled: boolean) {
  return useQuery({
    queryKey: myRoomsKey,
    queryFn: () => listRooms({ mine: true, limit: MY_ROOMS_MAX }),
    enabled,
  });
}

/** General: the first item of the first page. */
export const generalQueryOptions = queryOptions({
  queryKey: generalKey,
  queryFn: () => listRooms({ limit: 1 }),
  select: (list: ConversationList) =>
    list.items.find((conversation) => conversation.kind === 'general'),
});

export function useGeneral() {
  return useQuery(generalQueryOptions);
}

export function useRoom(slug: string, enabled: boolean) {
  return useQuery({ queryKey: roomKey(slug), queryFn: () => getRoom(slug), enabled });
}

export function useCreateRoom() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createRoom,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: roomsKey }),
  });
}

export function useJoinRoom(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => joinRoom(slug),
    onSuccess: (membership) => {
      // In again: a removal told earlier no longer holds.
      queryClient.removeQueries({ queryKey: removalKey(membership.conversationId) });
      return queryClient.invalidateQueries({ queryKey: roomsKey });
    },
  });
}

export function useLeaveRoom(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => leaveRoom(slug),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: roomsKey }),
  });
}

export function useBans(slug: string, enabled: boolean) {
  return useQuery({ queryKey: bansKey(slug), queryFn: () => listBans(slug), enabled });
}

/** Any moderation action: the room's details, lists and bans are asked again after it. */
export function useModeration<T>(action: (input: T) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: action,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: roomsKey }),
  });
}

/** Why I lost this room while it was open, if I did (kicked, banned, left elsewhere, deleted). */
export function useRoomRemoval(conversationId: string | undefined) {
  return useQuery({
    queryKey: removalKey(conversationId ?? ''),
    queryFn: () => null as string | null,
    enabled: false,
    staleTime: Infinity,
  });
}
