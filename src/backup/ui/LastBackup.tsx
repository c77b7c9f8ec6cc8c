// The last successful backup (when, medium, size, duration, verified) with quick and deep verify.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../ui/AppContext';
import type { BackupHistoryRow } from '../../db/schema';
import { recordVerification, verifyBackup, type VerifyReport } from '../service';
import type { PackCodec } from '../format/codec';
import type { BackupReader, Progress } from '../format/types';
import { formatBytes, formatDateTime, formatDuration, mediumName } from '../../ui/format';
import { ProgressBar } from './ProgressBar';
import { ReasonMessage } from './ReasonMessage';

/** `openReader` opens the medium the backup is read back from (none for a download). */
export function LastBackup({ last, codec, encrypted, openReader }: {
  last: BackupHistoryRow | null;
  codec: () => PackCodec;
  encrypted: boolean;
  openReader?: (() => Promise<BackupReader | null>) | null;
}) {
  const { t, i18n } = useTranslation();
  const { db } = useApp();
  const [secret, setSecret] = useState('');
  const [busy, setBusy] = useState<Progress | null | false>(false);
  const [result, setResult] = useState<{ ok: true; report: VerifyReport } | { ok: false; reason: string } | null>(null);
  const lng = i18n.language;

  async function verify(mode: 'quick' | 'deep') {
    const reader = openReader ? await openReader() : null;
    if (!reader || !last) return;
    setBusy(null);
    setResult(null);
    const r = await verifyBackup(reader, mode, { codec: codec(), secret: mode === 'deep' && encrypted ? secret : undefined, onProgress: (p) => setBusy(p) });
    setBusy(false);
    if (r.ok) {
      await recordVerification(db, last.id, mode);
      setResult({ ok: true, report: r.value });
    } else setResult({ ok: false, reason: r.reason });
  }

  if (!last) return <p className="card muted" data-testid="last-backup-none">{t('backup.last.none')}</p>;
  return (
    <div className="card stack backup-last" data-testid="last-backup">
      <h2>{t('backup.last.title')}</h2>
      <dl>
        <dt>{t('backup.last.when')}</dt>
        <dd>{formatDateTime(last.finishedAt ?? last.startedAt, lng)}</dd>
        <dt>{t('backup.last.medium')}</dt>
        <dd>{mediumName(last.mediumLabel, t)}</dd>
        <dt>{t('backup.last.size')}</dt>
        <dd>{formatBytes(last.totalBytes, lng)}</dd>
        <dt>{t('backup.last.duration')}</dt>
        <dd>{formatDuration(last.durationMs, lng)}</dd>
        <dt>{t('backup.last.verified')}</dt>
        <dd data-testid="last-verified" data-state={last.verified}>{t(`backup.verified.${last.verified}`)}</dd>
      </dl>
      {openReader ? (
        <div className="row">
          <button type="button" disabled={busy !== false} onClick={() => void verify('quick')} data-testid="verify-quick">
            {t('backup.verify.quick')}
          </button>
          {encrypted && <input type="password" aria-label={t('backup.verify.password')} placeholder={t('backup.verify.password')} value={secret} onChange={(e) => setSecret(e.target.value)} data-testid="verify-secret" />}
          <button type="button" disabled={busy !== false || (encrypted && secret === '')} onClick={() => void verify('deep')} data-testid="verify-deep">
            {t('backup.verify.deep')}
          </button>
        </div>
      ) : (
        <p className="muted">{t('backup.verify.unavailable')}</p>
      )}
      {busy !== false && <ProgressBar progress={busy} label={t('backup.phase.verify')} />}
      {result?.ok === true && (
        <p role="status" className="ok" data-testid="verify-ok">
          {result.report.rows === null
            ? t('backup.verify.ok', { packs: result.report.packs, size: formatBytes(result.report.bytes, lng) })
            : t('backup.verify.okDeep', { rows: result.report.rows })}
        </p>
      )}
      {result?.ok === false && <ReasonMessage reason={result.reason} />}
    </div>
  );
}
