// Tills page, "Off-site backups": each encrypted set the tills keep here, whose it is, how big,
// when last written, against the per-till space; deleting one (confirmed) frees that space.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupSet, Till } from '../apiSchemas';
import { ConfirmMutation } from '../components/ConfirmDialog';
import { QueryState } from '../components/QueryState';
import { formatBytes } from '../../ui/format';
import { useBackups, useDeleteBackup } from '../hooks/useBackups';

export function BackupsPanel({ tills }: { tills: Till[] }) {
  const { t, i18n } = useTranslation('admin');
  const backups = useBackups();
  const remove = useDeleteBackup();
  const [deleting, setDeleting] = useState<BackupSet | null>(null);
  const [deleted, setDeleted] = useState(false);
  const items = backups.data?.items ?? [];
  const size = (n: number) => formatBytes(n, i18n.language);
  const nameOf = (b: BackupSet) => {
    const till = tills.find((x) => x.id === b.tillId);
    const name = till?.deviceName ?? b.deviceName;
    return till && !till.revoked ? `${name} (${b.tillCode})` : `${name} (${b.tillCode}) — ${t('backups.formerTill')}`;
  };
  return (
    <section className="panel" aria-labelledby="backups-list">
      <h2 id="backups-list">{t('backups.title')}</h2>
      <p className="hint">
        {t('backups.hint')} {backups.data ? t('backups.quota', { quota: size(backups.data.quotaBytes) }) : ''}
      </p>
      <p role="status" className="status">
        {deleted ? t('backups.deleted') : ''}
      </p>
      <QueryState query={backups} isEmpty={items.length === 0} empty={t('backups.empty')}>
        <div className="table-wrap">
          <table aria-labelledby="backups-list">
            <thead>
              <tr>
                <th scope="col">{t('backups.till')}</th>
                <th scope="col" className="num">
                  {t('backups.files')}
                </th>
                <th scope="col" className="num">
                  {t('backups.size')}
                </th>
                <th scope="col">{t('backups.updatedAt')}</th>
                <th scope="col">{t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((b) => (
                <tr key={b.setId}>
                  <td>{nameOf(b)}</td>
                  <td className="num">{b.files}</td>
                  <td className="num">{size(b.bytes)}</td>
                  <td>{new Date(b.updatedAt).toLocaleString(i18n.language)}</td>
                  <td>
                    <button type="button" className="danger" aria-label={`${t('backups.delete')} ${nameOf(b)}`} onClick={() => setDeleting(b)}>
                      {t('backups.delete')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </QueryState>
      {deleting && (
        <ConfirmMutation
          message={t('backups.deleteConfirm', { name: nameOf(deleting), size: size(deleting.bytes) })}
          confirmLabel={t('backups.delete')}
          mutation={remove}
          variables={deleting.setId}
          onClose={() => setDeleting(null)}
          onDone={() => setDeleted(true)}
        />
      )}
    </section>
  );
}
