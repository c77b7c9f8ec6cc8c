// The sync code field and "Connect" (seed 003), shared by Connect the till and Settings →
// Connection ("Configure connection", "Pair again"). A refusal shows sync.refused.<code>.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegistryDatabase } from '../../db/schema';
import type { Clock } from '@model';
import { usePairing } from './hooks/usePairing';
import type { PairTillResult } from './pairTill';

export function CodeForm({ registry, clock, onPaired, onCancel }: { registry: RegistryDatabase; clock: Clock; onPaired(res: Extract<PairTillResult, { ok: true }>): void; onCancel?(): void }) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const pairing = usePairing(registry, clock);
  const refused = pairing.data && !pairing.data.ok ? pairing.data.code : pairing.isError ? 'unknown' : null;

  return (
    <form
      className="stack"
      data-testid="connect-form"
      onSubmit={(e) => {
        e.preventDefault();
        pairing.mutate(code, { onSuccess: (res) => res.ok && onPaired(res) });
      }}
    >
      <label className="stack">
        <span>{t('sync.connect.code')}</span>
        <input
          className="sync-code"
          data-testid="sync-code"
          value={code}
          onChange={(e) => setCode(e.target.value)}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          required
        />
      </label>
      {refused && (
        <p role="alert" className="error" data-testid="connect-error" data-reason={refused}>
          {t(`sync.refused.${refused}`, { code: pairing.data && !pairing.data.ok ? (pairing.data.failure.code ?? pairing.data.failure.reason) : 'error' })}
        </p>
      )}
      <div className="row">
        <button type="submit" className="primary big" disabled={pairing.isPending || code.trim() === ''} data-testid="connect-submit">
          {pairing.isPending ? t('sync.connect.connecting') : t('sync.connect.connect')}
        </button>
        {onCancel && (
          <button type="button" className="big" onClick={onCancel}>
            {t('sync.connect.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
