import type { OwnProfile, UpdateProfileBody } from '@chat/contracts';
import { useMutation } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';

export function updateProfile(body: UpdateProfileBody): Promise<OwnProfile> {
  return apiRequest<OwnProfile>('/api/users/me', { method: 'PATCH', body });
}

export function useUpdateProfile() {
  return useMutation({ mutationFn: updateProfile });
}
