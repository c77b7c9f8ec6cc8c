// Login state follows the session token; logging in stores it, any 401 clears it (see api.ts).
import { useSyncExternalStore } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useAdmin } from '../context';

export function useIsLoggedIn(): boolean {
  const { session } = useAdmin();
  return useSyncExternalStore(session.subscribe, () => session.getToken() !== null);
}

export function useLogin() {
  const { api, session } = useAdmin();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (password: string) => api.login(password),
    onSuccess: (token) => {
      client.clear();
      session.setToken(token);
    },
  });
}

export function useLogout(): () => void {
  const { session } = useAdmin();
  const client = useQueryClient();
  return () => {
    session.clear();
    client.clear();
  };
}
