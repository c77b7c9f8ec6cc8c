// First start with no organization: connect the till to the back office, or open the demo shop.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegistryDatabase } from '../db/schema';
import type { Clock } from '@model';
import { loadDemoShop } from '../pos/ui';
import { ConnectTill } from '../sync/ui';

export function WelcomeScreen({ registry, clock, onReady }: { registry: RegistryDatabase; clock: Clock; onReady(orgId: string): Promise<void> }) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<'choose' | 'connect'>('choose');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function openDemo() {
    setBusy(true);
    setError(null);
    try {
      const org = await loadDemoShop(registry, clock);
      await onReady(org.id);
    } catch (e) {
      setError(e instanceof Error ? e.name : 'unknown');
      setBusy(false);
    }
  }

  if (mode === 'connect') return <ConnectTill registry={registry} clock={clock} onConnected={onReady} onCancel={() => setMode('choose')} />;

  return (
    <main className="welcome">
      <h1>{t('welcome.title')}</h1>
      <p>{t('welcome.intro')}</p>
      <div className="welcome-actions">
        <button type="button" className="primary big" onClick={() => setMode('connect')}>
          {t('sync.connect.title')}
        </button>
        <button type="button" className="big" onClick={() => void openDemo()} disabled={busy}>
          {busy ? t('welcome.loadingDemo') : t('welcome.demo')}
        </button>
      </div>
      {error && <p role="alert" className="error">{t('welcome.demoFailed', { reason: error })}</p>}
    </main>
  );
}
