// Everything the admin components need: the API client and session, react-query and i18n.
// Tests build it with a fake fetch and a memory storage.
import { useMemo, useState, type ReactNode } from 'react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { I18nextProvider } from 'react-i18next';
import type { i18n } from 'i18next';
import { AdminApiError, createAdminApi, type AdminApiDeps } from './api';
import { AdminContext } from './context';
import type { Session } from './session';

/** No retry for answers that a retry cannot change. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof AdminApiError && ['unauthorized', 'not_found', 'bad_response', 'bad_request'].includes(error.code)) return false;
  return failureCount < 2;
}

interface Props {
  session: Session;
  i18n: i18n;
  fetch: AdminApiDeps['fetch'];
  queryClient?: QueryClient;
  children: ReactNode;
}

export function AdminProviders({ session, i18n, fetch, queryClient, children }: Props) {
  const [client] = useState(() => queryClient ?? new QueryClient({ defaultOptions: { queries: { retry: shouldRetry, staleTime: 10_000 } } }));
  const services = useMemo(
    () => ({
      session,
      api: createAdminApi({ fetch, getToken: session.getToken, onUnauthorized: session.clear }),
    }),
    [session, fetch],
  );
  return (
    <AdminContext.Provider value={services}>
      <QueryClientProvider client={client}>
        <I18nextProvider i18n={i18n}>{children}</I18nextProvider>
      </QueryClientProvider>
    </AdminContext.Provider>
  );
}
