// Extra disk folders found in a backup: each can be written back into a folder the manager picks.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { restoreExtraFolder } from '../folder-source';
import { translate } from '../destinations/directory';
import type { RestorePreview } from '../service';
import { canPickDirectory, pickDirectory } from './pickDirectory';
import { ReasonMessage } from './ReasonMessage';

export function ExtraFoldersRestore({ preview }: { preview: RestorePreview }) {
  const { t } = useTranslation();
  const [done, setDone] = useState<{ label: string; count: number } | null>(null);
  const [reason, setReason] = useState<string | null>(null);
  if (preview.extraFolders.length === 0 || !canPickDirectory()) return null;

  async function restore(label: string) {
    setReason(null);
    setDone(null);
    try {
      const dir = await pickDirectory('readwrite');
      if (dir) setDone({ label, count: await restoreExtraFolder(preview.staged, label, dir) });
    } catch (e) {
      setReason(translate(e, label).code);
    }
  }

  return (
    <div className="stack" data-testid="restore-extra-folders">
      <h3>{t('backup.restore.extraFolders')}</h3>
      {preview.extraFolders.map((label) => (
        <div key={label} className="row">
          <span>{label}</span>
          <button type="button" onClick={() => void restore(label)}>
            {t('backup.restore.extraRestore')}
          </button>
        </div>
      ))}
      {done && <p role="status" className="ok">{t('backup.restore.extraDone', done)}</p>}
      {reason && <ReasonMessage reason={reason} />}
    </div>
  );
}
