// First-time setup: the medium (folder/USB via the picker, or a download), then a confirmed
// password — or, as an explicit warned choice, no encryption. The recovery key is shown once
// by the parent (this component unmounts as soon as the set exists).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../ui/AppContext';
import { chooseMedium, setupBackupSet, type BackupSettings, type EncryptionChoice } from '../settings';
import type { PackCodec } from '../format/codec';
import { useBackupMedium } from './hooks/useBackupMedium';
import { canPickDirectory, pickDirectory } from './pickDirectory';
import { ReasonMessage } from './ReasonMessage';
import { passwordProblem } from './wizard';

export function BackupSetup({ settings, codec, onRecoveryKey }: { settings: BackupSettings; codec: () => PackCodec; onRecoveryKey(key: string | null): void }) {
  const { t } = useTranslation();
  const { db, clock } = useApp();
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [plain, setPlain] = useState(false);
  const [busy, setBusy] = useState(false);
  const [reason, setReason] = useState<string | null>(null);
  const picker = canPickDirectory();
  const media = useBackupMedium(settings);
  const offsite = { ...media.statuses['back-office'], chosen: settings.medium.kind === 'back-office' };
  const toBackOffice = media.medium.kind === 'back-office';
  const problem = plain ? null : passwordProblem(password, confirm, true);

  async function chooseFolder() {
    const handle = await pickDirectory('readwrite').catch(() => null);
    if (handle) {
      await chooseMedium(db, { kind: 'folder', handle });
    }
  }

  async function switchToDownload() {
    await chooseMedium(db, { kind: 'download' });
  }

  async function create() {
    setBusy(true);
    setReason(null);
    const choice: EncryptionChoice = plain ? { unencrypted: true } : { password };
    const r = await setupBackupSet(db, choice, { codec: codec(), clock });
    setBusy(false);
    if (r.ok) onRecoveryKey(r.value.recoveryKey);
    else setReason(r.reason);
  }

  return (
    <div className="card stack" data-testid="backup-setup">
      <h2>{t('backup.setup.title')}</h2>
      <p className="muted">{t('backup.setup.intro')}</p>
      <div className="stack">
        <h3>{t('backup.medium.title')}</h3>
        <p data-testid="backup-medium" data-medium={media.description.kind}>
          {t(media.description.labelKey, { name: media.description.name })}
        </p>
        {toBackOffice && <p className="muted">{t('backup.medium.backOfficeHint', { server: offsite.detail || location.host })}</p>}
        {media.chosenUnavailable && (
          <p className="muted" role="alert" data-testid="back-office-unlinked">
            {t('backup.medium.backOfficeUnlinked')}
          </p>
        )}
        {!picker && !toBackOffice && <p className="muted">{t('backup.medium.noPicker')}</p>}
        <div className="row">
          {picker && (
            <button type="button" data-testid="choose-folder" onClick={() => void chooseFolder()}>
              {t('backup.medium.choose')}
            </button>
          )}
          {media.medium.kind !== 'download' && (
            <button type="button" onClick={() => void switchToDownload()} data-testid="use-download">
              {t('backup.medium.useDownload')}
            </button>
          )}
          {offsite.available && !offsite.chosen && (
            <button type="button" onClick={() => void chooseMedium(db, { kind: 'back-office' })} data-testid="choose-back-office">
              {t('backup.medium.useBackOffice')}
            </button>
          )}
        </div>
      </div>
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          if (!problem && !busy) void create();
        }}
      >
        {!plain && (
          <>
            <label>
              {t('backup.setup.password')}
              <input type="password" autoComplete="new-password" data-testid="setup-password" value={password} onChange={(e) => setPassword(e.target.value)} />
            </label>
            <label>
              {t('backup.setup.confirm')}
              <input type="password" autoComplete="new-password" data-testid="setup-confirm" value={confirm} onChange={(e) => setConfirm(e.target.value)} />
            </label>
            {password !== '' && problem && <p className="error">{t(`backup.setup.${problem}`)}</p>}
          </>
        )}
        <label className="check-row">
          <input type="checkbox" checked={plain} onChange={(e) => setPlain(e.target.checked)} data-testid="setup-unencrypted" />
          {t('backup.setup.unencrypted')}
        </label>
        {plain && <p className="backup-warning" role="alert">{t('backup.setup.unencryptedWarn')}</p>}
        {busy && <p role="status">{t('backup.setup.creating')}</p>}
        {reason && <ReasonMessage reason={reason} />}
        <button type="submit" className="primary big" disabled={!!problem || busy} data-testid="setup-create">
          {plain ? t('backup.setup.unencryptedConfirm') : t('backup.setup.create')}
        </button>
      </form>
    </div>
  );
}
