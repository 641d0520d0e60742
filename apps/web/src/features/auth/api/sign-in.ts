import type {
  AuthResponse,
  GuestBody,
  GuestResponse,
  LoginBody,
  SignupBody,
} from '@chat/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest, setAccessToken } from '../../../lib/api-client';
import { clearGuest, saveGuest } from './guest-storage';
import { setSession } from './session';

export function signup(body: SignupBody): Promise<AuthResponse> {
  return apiRequest<AuthResponse>('/api/auth/signup', { method: 'POST', body });
}

export function login(body: LoginBody): Promise<AuthResponse> {
  return apiRequest<AuthResponse>('/api/auth/login', { method: 'POST', body });
}

export function enterAsGuest(body: GuestBody): Promise<GuestResponse> {
  return apiRequest<GuestResponse>('/api/auth/guest', { method: 'POST', body });
}

function useSignedInUser() {
  const queryClient = useQueryClient();
  return (response: AuthResponse) => {
    clearGuest();
    setAccessToken(response.accessToken);
    setSession(queryClient, { kind: 'user', user: response.user });
  };
}

export function useSignup() {
  const onSuccess = useSignedInUser();
  return useMutation({ mutationFn: signup, onSuccess });
}

export function useLogin() {
  const onSuccess = useSignedInUser();
  return useMutation({ mutationFn: login, onSuccess });
}

export function useEnterAsGuest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: enterAsGuest,
    onSuccess: (response) => {
      saveGuest(response);
      setAccessToken(response.accessToken);
      setSession(queryClient, { kind: 'guest', guest: response.guest });
    },
  });
}
