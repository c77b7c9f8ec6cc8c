// Restore wizard, source step: the backup sets the back office keeps for this shop (any till's,
// so a replacement tablet restores the one it replaces). Shown only while this organization is
// linked; reading a set needs the till's token, decrypting it the manager's password.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { httpDestination, type OffsiteSet } from '../destinations/http';
import { BackupError, type BackupReader } from '../format/types';
import { formatBytes, formatDateTime } from '../../ui/format';
import { useOffsiteListing } from './hooks/useOffsiteListing';
import { ReasonMessage } from './ReasonMessage';

/** What the restore wizard restores from: a file, a folder or a back office set (`setId`). */
export interface RestoreSource {
  label: string;
  roots: string[];
  reader(root: string): BackupReader;
  setId?: string;
}

export function OffsiteSetPicker({ chosen, onChoose }: { chosen: string | null; onChoose(source: RestoreSource): void }) {
  const { t, i18n } = useTranslation();
  const [shown, setShown] = useState(false);
  const { link, listing } = useOffsiteListing(shown);
  if (!link) return null;

  const labelOf = (s: OffsiteSet) =>
    t('backup.restore.backOfficeSet', {
      device: s.deviceName || '—',
      till: s.tillCode || '—',
      date: formatDateTime(s.updatedAt, i18n.language),
      size: formatBytes(s.bytes, i18n.language),
    });
  const choose = (s: OffsiteSet) => {
    const reader = httpDestination({ baseUrl: link.serverUrl, setId: s.setId, token: link.token });
    onChoose({ label: t('backup.restore.setChosen', { name: labelOf(s) }), roots: [''], reader: () => reader, setId: s.setId });
  };

  return (
    <fieldset className="stack" data-testid="restore-offsite">
      <legend>{t('backup.restore.backOffice')}</legend>
      {!listing.data && (
        <button type="button" onClick={() => (shown ? void listing.refetch() : setShown(true))} disabled={listing.isFetching} data-testid="restore-offsite-show">
          {t('backup.restore.backOfficeShow')}
        </button>
      )}
      {listing.isFetching && <p role="status">{t('backup.restore.backOfficeLoading')}</p>}
      {listing.isError && (
        <ReasonMessage reason={listing.error instanceof BackupError ? listing.error.code : 'io'} onRetry={() => void listing.refetch()} />
      )}
      {listing.data?.sets.length === 0 && <p className="muted">{t('backup.restore.backOfficeNone')}</p>}
      {listing.data?.sets.map((s) => (
        <label key={s.setId} className="check-row" data-testid="restore-offsite-set" data-own={s.own}>
          <input type="radio" name="offsite-set" checked={chosen === s.setId} onChange={() => choose(s)} />
          {labelOf(s)}
          {s.own && <span className="muted"> · {t('backup.restore.thisTill')}</span>}
        </label>
      ))}
    </fieldset>
  );
}
