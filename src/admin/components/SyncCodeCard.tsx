// Issues a one-time sync code for a new till and shows it large, with a countdown to its expiry
// and a copy button.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useIssueSyncCode } from '../hooks/useTills';
import { useNow } from '../hooks/useNow';
import { ErrorState } from './ErrorState';

/** Seconds left as "m:ss". */
export function formatCountdown(msLeft: number): string {
  const total = Math.max(0, Math.ceil(msLeft / 1000));
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
}

type CopyState = 'idle' | 'copied' | 'failed';

export function SyncCodeCard({ clock }: { clock?: () => number }) {
  const { t } = useTranslation('admin');
  const issue = useIssueSyncCode();
  const now = useNow(1000, clock);
  const [copy, setCopy] = useState<CopyState>('idle');
  const code = issue.data;
  const msLeft = code ? Date.parse(code.expiresAt) - now : 0;
  const expired = code !== undefined && msLeft <= 0;

  const copyCode = async () => {
    if (!code) return;
    try {
      await navigator.clipboard.writeText(code.code);
      setCopy('copied');
    } catch {
      setCopy('failed');
    }
  };

  return (
    <section className="panel sync-code-card" aria-labelledby="sync-code-title">
      <h2 id="sync-code-title">{t('tills.newTill')}</h2>
      <button
        type="button"
        className="primary"
        disabled={issue.isPending}
        onClick={() => {
          setCopy('idle');
          issue.mutate();
        }}
      >
        {issue.isPending ? t('tills.generating') : t('tills.generate')}
      </button>
      {issue.isError && <ErrorState error={issue.error} onRetry={() => issue.mutate()} />}
      {code && (
        <div className="code-box">
          <p>{t('tills.instructions')}</p>
          <p className={expired ? 'sync-code expired' : 'sync-code'} role="status" aria-label={t('tills.code')} data-testid="sync-code">
            {code.code}
          </p>
          <p role="timer" aria-live="off">
            {expired ? t('tills.expired') : t('tills.expiresIn', { time: formatCountdown(msLeft) })}
          </p>
          <button type="button" disabled={expired} onClick={() => void copyCode()}>
            {t('tills.copy')}
          </button>
          <span role="status">{copy === 'copied' ? t('tills.copied') : copy === 'failed' ? t('tills.copyFailed') : ''}</span>
        </div>
      )}
    </section>
  );
}
