// The full history of backup runs, newest first.
import { useTranslation } from 'react-i18next';
import type { BackupHistoryRow } from '../../db/schema';
import { formatBytes, formatDateTime, formatDuration, mediumName } from '../../ui/format';
import { reasonKey } from './wizard';

export function BackupHistory({ rows }: { rows: BackupHistoryRow[] }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  if (rows.length === 0) return <p className="muted" data-testid="history-empty">{t('backup.history.empty')}</p>;
  return (
    <table aria-label={t('backup.history.title')} data-testid="backup-history">
      <thead>
        <tr>
          <th>{t('backup.last.when')}</th>
          <th>{t('backup.last.medium')}</th>
          <th className="num">{t('backup.last.size')}</th>
          <th className="num">{t('backup.last.duration')}</th>
          <th>{t('backup.last.verified')}</th>
          <th>{t('backup.history.status')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((h) => (
          <tr key={h.id} data-ok={h.ok}>
            <td>{formatDateTime(h.startedAt, lng)}</td>
            <td>{mediumName(h.mediumLabel, t)}</td>
            <td className="num">{formatBytes(h.totalBytes, lng)}</td>
            <td className="num">{formatDuration(h.durationMs, lng)}</td>
            <td>{t(`backup.verified.${h.verified}`)}</td>
            <td className={h.ok ? 'ok' : 'error'}>{h.ok ? t('backup.history.ok') : t(reasonKey(h.error ?? 'io'))}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
