import type {
  Conversation,
  ConversationList,
  CreateRoomBody,
  Membership,
  RoomDetails,
} from '@chat/contracts';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';

export function listRooms(): Promise<ConversationList> {
  return apiRequest<ConversationList>('/api/rooms');
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

export const roomsKey = ['rooms'] as const;
export const roomListKey = [...roomsKey, 'list'] as const;
export const roomKey = (slug: string) => [...roomsKey, 'detail', slug.toLowerCase()] as const;

export const roomListQueryOptions = queryOptions({ queryKey: roomListKey, queryFn: listRooms });

export function useRooms() {
  return useQuery(roomListQueryOptions);
}

/** General is the list item with kind "general". */
export function useGeneral() {
  return useQuery({
    ...roomListQueryOptions,
    select: (list) => list.items.find((conversation) => conversation.kind === 'general'),
  });
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
    onSuccess: () => queryClient.invalidateQueries({ queryKey: roomsKey }),
  });
}

export function useLeaveRoom(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => leaveRoom(slug),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: roomsKey }),
  });
}
