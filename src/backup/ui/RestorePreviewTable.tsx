// What a restore will replace: backup date and organization, and per data set the rows in the
// backup against the rows on this till now. Restore commits in one transaction.
import { useTranslation } from 'react-i18next';
import type { RestorePreview } from '../service';
import { formatDateTime } from '../../ui/format';
import { ReasonMessage } from './ReasonMessage';

const sum = (counts: Record<string, number> | undefined) => Object.values(counts ?? {}).reduce((a, b) => a + b, 0);

export function RestorePreviewTable({ preview, targetName, busy, failure, onRestore }: { preview: RestorePreview; targetName: string; busy: boolean; failure: string | null; onRestore(p: RestorePreview): void }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="stack" data-testid="restore-preview">
      <h3>{t('backup.restore.preview')}</h3>
      <p>{t('backup.restore.backupDate', { date: formatDateTime(preview.createdAt, i18n.language), org: preview.organization.name })}</p>
      <table>
        <thead>
          <tr>
            <th>{t('backup.restore.set')}</th>
            <th className="num">{t('backup.restore.inBackup')}</th>
            <th className="num">{t('backup.restore.local')}</th>
          </tr>
        </thead>
        <tbody>
          {preview.dataSets.map((s) => (
            <tr key={s} data-set={s}>
              <td>{t(`backup.sets.${s}`)}</td>
              <td className="num" data-testid={`preview-backup-${s}`}>{sum(preview.backupRows[s])}</td>
              <td className="num">{sum(preview.localRows[s])}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="backup-warning">{t('backup.restore.warn', { org: targetName })}</p>
      {failure && <ReasonMessage reason={failure} />}
      <button type="button" className="danger big" disabled={busy} onClick={() => onRestore(preview)} data-testid="restore-confirm">
        {busy ? t('backup.restore.restoring') : t('backup.restore.confirm')}
      </button>
    </div>
  );
}
