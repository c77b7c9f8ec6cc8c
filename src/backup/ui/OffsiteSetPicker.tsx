// Restore wizard, source step: the backup sets the back office keeps for this shop (any till's,
// so a replacement tablet restores the one it replaces). Shown only while this organization is
// linked; reading a set needs the till's token, decrypting it the manager's password.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../app/AppContext';
import { getActiveLink, type TillLink } from '../../sync/engine/link';
import { httpDestination, listOffsiteSets, type OffsiteSet } from '../destinations/http';
import { BackupError, type BackupReader } from '../format/types';
import { formatBytes, formatDateTime } from './format';
import { ReasonMessage } from './ReasonMessage';

/** What the restore wizard restores from: a file, a folder or a back office set. */
export interface RestoreSource {
  label: string;
  roots: string[];
  reader(root: string): BackupReader;
}

type Listing = { status: 'idle' } | { status: 'loading' } | { status: 'loaded'; sets: OffsiteSet[] } | { status: 'failed'; reason: string };

export function OffsiteSetPicker({ chosen, onChoose }: { chosen: string | null; onChoose(setId: string, source: RestoreSource): void }) {
  const { t, i18n } = useTranslation();
  const { db } = useApp();
  const [link, setLink] = useState<TillLink | null>(null);
  const [listing, setListing] = useState<Listing>({ status: 'idle' });
  useEffect(() => {
    let live = true;
    void getActiveLink(db).then((l) => live && setLink(l ?? null));
    return () => {
      live = false;
    };
  }, [db]);
  if (!link) return null;

  async function load(l: TillLink) {
    setListing({ status: 'loading' });
    try {
      const { sets } = await listOffsiteSets({ baseUrl: l.serverUrl, token: l.token });
      setListing({ status: 'loaded', sets });
    } catch (e) {
      setListing({ status: 'failed', reason: e instanceof BackupError ? e.code : 'io' });
    }
  }

  function choose(l: TillLink, set: OffsiteSet, label: string) {
    const reader = httpDestination({ baseUrl: l.serverUrl, setId: set.setId, token: l.token });
    onChoose(set.setId, { label, roots: [''], reader: () => reader });
  }

  return (
    <fieldset className="stack" data-testid="restore-offsite">
      <legend>{t('backup.restore.backOffice')}</legend>
      {listing.status !== 'loaded' && (
        <button type="button" onClick={() => void load(link)} disabled={listing.status === 'loading'} data-testid="restore-offsite-show">
          {t('backup.restore.backOfficeShow')}
        </button>
      )}
      {listing.status === 'loading' && <p role="status">{t('backup.restore.backOfficeLoading')}</p>}
      {listing.status === 'failed' && <ReasonMessage reason={listing.reason} onRetry={() => void load(link)} />}
      {listing.status === 'loaded' && listing.sets.length === 0 && <p className="muted">{t('backup.restore.backOfficeNone')}</p>}
      {listing.status === 'loaded' &&
        listing.sets.map((s) => {
          const label = t('backup.restore.backOfficeSet', {
            device: s.deviceName || '—',
            till: s.tillCode || '—',
            date: formatDateTime(s.updatedAt, i18n.language),
            size: formatBytes(s.bytes, i18n.language),
          });
          return (
            <label key={s.setId} className="check-row" data-testid="restore-offsite-set" data-own={s.own}>
              <input type="radio" name="offsite-set" checked={chosen === s.setId} onChange={() => choose(link, s, label)} />
              {label}
              {s.own && <span className="muted"> · {t('backup.restore.thisTill')}</span>}
            </label>
          );
        })}
    </fieldset>
  );
}
