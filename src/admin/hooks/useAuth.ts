// Login state follows the session token; logging in stores it, any 401 clears it (see api.ts).
// Logging out revokes the session on the server too; `useMe` says whether the password is a
// one-time setup secret that must be replaced before anything else.
import { useSyncExternalStore } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
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

export function useMe(enabled: boolean) {
  const { api } = useAdmin();
  return useQuery({ queryKey: ['me'], queryFn: () => api.me(), enabled, staleTime: Infinity });
}

export function useLogout(): () => void {
  const { api, session } = useAdmin();
  const client = useQueryClient();
  return () => {
    // The request takes the token before the local session is cleared; its failure (offline,
    // already expired) does not keep anyone logged in here.
    void api.logout().catch(() => undefined);
    session.clear();
    client.clear();
  };
}

export function useChangePassword() {
  const { api } = useAdmin();
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ current, next }: { current: string; next: string }) => api.changePassword(current, next),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['me'] });
      void client.invalidateQueries({ queryKey: ['sessions'] });
    },
  });
}

export function useSessions() {
  const { api } = useAdmin();
  return useQuery({ queryKey: ['sessions'], queryFn: () => api.listSessions() });
}

export function useRevokeSession() {
  const { api } = useAdmin();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.revokeSession(id),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['sessions'] }),
  });
}
