// The shell: boot, then the welcome screen (no organization yet), the PIN lock, or the till.
import { useCallback, useMemo, useState } from 'react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { AppContext, type AppContextValue, type Session } from '../ui/AppContext';
import { systemClock } from '@model';
import { useBoot } from './useBoot';
import { WelcomeScreen } from './WelcomeScreen';
import { LoginScreen } from './LoginScreen';
import { Frame } from './Frame';
import { loadSession, saveSession } from './sessionStore';
import { UpdatePrompt } from './UpdatePrompt';
import { ErrorBoundary } from '../ui/ErrorBoundary';

const queryClient = new QueryClient({ defaultOptions: { queries: { networkMode: 'always', retry: 1 } } });

export function App() {
  const { t } = useTranslation();
  const { state, reload } = useBoot();
  const [session, setSession] = useState<Session | null>(() => loadSession());

  const login = useCallback((s: Session) => {
    saveSession(s);
    setSession(s);
  }, []);
  const lock = useCallback(() => {
    saveSession(null);
    setSession(null);
  }, []);

  // Operators belong to an organization: opening another one asks for a PIN again.
  const switchOrganization = useCallback(
    async (orgId: string | null) => {
      lock();
      await reload(orgId);
    },
    [lock, reload],
  );

  const value = useMemo<AppContextValue | null>(
    () =>
      state.status === 'ready'
        ? { registry: state.registry, org: state.org, db: state.db, clock: systemClock, session, login, lock, switchOrganization }
        : null,
    [state, session, login, lock, switchOrganization],
  );

  let body;
  if (state.status === 'loading') body = <p className="boot" role="status">{t('common.loading')}</p>;
  else if (state.status === 'failed') body = <p className="boot error" role="alert">{t('boot.failed', { reason: state.reason })}</p>;
  else if (state.status === 'empty') body = <WelcomeScreen registry={state.registry} clock={systemClock} onReady={reload} />;
  else if (value) body = <AppContext.Provider value={value}>{session ? <Frame /> : <LoginScreen />}</AppContext.Provider>;

  return (
    <QueryClientProvider client={queryClient}>
      <ErrorBoundary>{body}</ErrorBoundary>
      <UpdatePrompt />
    </QueryClientProvider>
  );
}
