// "Connect the till" (seed 003): sync code → "Connection established" → exchange settings
// (periods per group, receipts automatic) → Save. Pairing creates the organization and starts
// the first full sync at once; Save stores the periods and opens the till.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegistryDatabase } from '../../db/schema';
import type { Clock } from '@model';
import { CodeForm } from './CodeForm';
import { PeriodsForm } from './PeriodsForm';
import type { PairTillResult } from './pairTill';
import './sync-ui.css';

export function ConnectTill({ registry, clock, onConnected, onCancel }: { registry: RegistryDatabase; clock: Clock; onConnected(orgId: string): Promise<void>; onCancel(): void }) {
  const { t } = useTranslation();
  const [paired, setPaired] = useState<Extract<PairTillResult, { ok: true }> | null>(null);

  return (
    <main className="welcome stack" data-testid="connect-till">
      <h1>{t('sync.connect.title')}</h1>
      {!paired ? (
        <>
          <p>{t('sync.connect.intro')}</p>
          <CodeForm registry={registry} clock={clock} onPaired={setPaired} onCancel={onCancel} />
        </>
      ) : (
        <div className="card stack">
          <p role="status" data-testid="connect-established" className="success">
            {t('sync.connect.established')}
          </p>
          <p>{t('sync.connect.organization', { name: paired.org.name })}</p>
          <h2>{t('sync.connect.settingsTitle')}</h2>
          <PeriodsForm db={paired.db} onSaved={() => onConnected(paired.org.id)} />
        </div>
      )}
    </main>
  );
}
