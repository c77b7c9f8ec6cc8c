// "Sauvegarde journalière" (seed 001): last backup, history, Run backup with progress, first-time
// setup (medium + password → recovery key once), and the settings tabs. Needs the 'backup' right.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../ui/AppContext';
import type { BackupHistoryRow } from '../../db/schema';
import { RequireRight } from '../../ui/RequireRight';
import { Dialog } from '../../ui/Dialog';
import { ensurePermission } from '../destinations/directory';
import { openMedium } from '../media';
import { chooseMedium, type BackupSettings } from '../settings';
import { BackupHistory } from './BackupHistory';
import { BackupOptions } from './BackupOptions';
import { BackupReminder } from './BackupReminder';
import { BackupSetup } from './BackupSetup';
import { formatBytes, formatDuration } from '../../ui/format';
import { useBackupMedium } from './hooks/useBackupMedium';
import { useBackupCodec } from './hooks/useBackupCodec';
import { useBackupHistory } from './hooks/useBackupHistory';
import { useBackupSettings } from './hooks/useBackupSettings';
import { useDirectoryPermission } from './hooks/useDirectoryPermission';
import { useRunBackup } from './hooks/useRunBackup';
import { LastBackup } from './LastBackup';
import { OffsiteSpace } from './OffsiteSpace';
import { canPickDirectory, pickDirectory } from './pickDirectory';
import { ProgressBar } from './ProgressBar';
import { ReasonMessage } from './ReasonMessage';
import './backup.css';

type Tab = 'main' | 'general' | 'folders';

export function BackupScreen() {
  const { t } = useTranslation();
  return (
    <section className="stack" aria-labelledby="backup-title" data-testid="backup-screen">
      <h1 id="backup-title">{t('backup.title')}</h1>
      <RequireRight right="backup">
        <BackupBody />
      </RequireRight>
    </section>
  );
}

function BackupBody() {
  const { t } = useTranslation();
  const settings = useBackupSettings();
  const history = useBackupHistory();
  const codec = useBackupCodec();
  const [tab, setTab] = useState<Tab>('main');
  const [recoveryKey, setRecoveryKey] = useState<string | null>(null);
  const [resetting, setResetting] = useState(false);
  if (!settings || !history) return <p role="status">{t('common.loading')}</p>;
  return (
    <>
      <BackupReminder withAction={false} />
      <div className="backup-tabs" role="tablist">
        {(['main', 'general', 'folders'] as const).map((k) => (
          <button key={k} type="button" role="tab" aria-selected={tab === k} onClick={() => setTab(k)} data-testid={`backup-tab-${k}`}>
            {t(`backup.tabs.${k}`)}
          </button>
        ))}
      </div>
      {tab === 'main' &&
        (settings.set && !resetting ? (
          <MainTab settings={settings} history={history} codec={codec} onReset={() => setResetting(true)} />
        ) : (
          <BackupSetup
            settings={settings}
            codec={codec}
            onRecoveryKey={(k) => {
              setResetting(false);
              if (k) setRecoveryKey(k);
            }}
          />
        ))}
      {tab !== 'main' && <BackupOptions key={tab} settings={settings} tab={tab} />}
      {recoveryKey && (
        <Dialog title={t('backup.setup.recoveryTitle')} onClose={() => setRecoveryKey(null)} testId="recovery-key-dialog">
          <p>{t('backup.setup.recoveryText')}</p>
          <p className="recovery-key" data-testid="recovery-key">{recoveryKey}</p>
          <button type="button" className="primary" onClick={() => setRecoveryKey(null)} data-testid="recovery-done">
            {t('backup.setup.recoveryDone')}
          </button>
        </Dialog>
      )}
    </>
  );
}

function MainTab({ settings, history, codec, onReset }: { settings: BackupSettings; history: BackupHistoryRow[]; codec: ReturnType<typeof useBackupCodec>; onReset(): void }) {
  const { t, i18n } = useTranslation();
  const { db } = useApp();
  const media = useBackupMedium(settings);
  const { medium } = media;
  const handle = medium.kind === 'folder' ? medium.handle : null;
  const permission = useDirectoryPermission(handle);
  const { state, run } = useRunBackup(codec);
  const [label, setLabel] = useState('');
  const [askReplace, setAskReplace] = useState(false);
  const offsite = { ...media.statuses['back-office'], chosen: settings.medium.kind === 'back-office' };
  const toBackOffice = medium.kind === 'back-office';
  const last = history.find((h) => h.ok) ?? null;
  const running = state.status === 'running';

  async function start(replaceForeign = false) {
    setAskReplace(false);
    const end = await run(settings, { mediumLabel: label.trim() || undefined, replaceForeign });
    if (end.status === 'failed' && end.reason === 'other-set') setAskReplace(true);
  }

  async function chooseFolder() {
    const h = await pickDirectory('readwrite').catch(() => null);
    if (h) {
      await chooseMedium(db, { kind: 'folder', handle: h });
    }
    await permission.refetch();
  }

  async function switchToDownload() {
    await chooseMedium(db, { kind: 'download' });
  }

  return (
    <div className="stack">
      <div className="card stack">
        <h2>{t('backup.medium.title')}</h2>
        <p data-testid="backup-medium" data-medium={media.description.kind}>
          {t(media.description.labelKey, { name: media.description.name })}
        </p>
        {toBackOffice && <p className="muted">{t('backup.medium.backOfficeHint', { server: offsite.detail || location.host })}</p>}
        {toBackOffice && <OffsiteSpace runs={history.length} />}
        {media.chosenUnavailable && (
          <p className="muted" role="alert" data-testid="back-office-unlinked">
            {t('backup.medium.backOfficeUnlinked')}
          </p>
        )}
        {!canPickDirectory() && !toBackOffice && <p className="muted">{t('backup.medium.noPicker')}</p>}
        {handle && !toBackOffice && permission.data && permission.data !== 'granted' && (
          <div className="row" role="alert">
            <span className="muted">{t('backup.medium.regrantHint')}</span>
            <button type="button" data-testid="regrant" onClick={() => void ensurePermission(handle, true).then(() => permission.refetch())}>
              {t('backup.medium.regrant')}
            </button>
          </div>
        )}
        <div className="row">
          {canPickDirectory() && (
            <button type="button" data-testid="choose-folder" onClick={() => void chooseFolder()} disabled={running}>
              {t('backup.medium.choose')}
            </button>
          )}
          {(handle || toBackOffice) && (
            <button type="button" onClick={() => void switchToDownload()} disabled={running} data-testid="use-download">
              {t('backup.medium.useDownload')}
            </button>
          )}
          {offsite.available && !offsite.chosen && (
            <button type="button" onClick={() => void chooseMedium(db, { kind: 'back-office' })} disabled={running} data-testid="choose-back-office">
              {t('backup.medium.useBackOffice')}
            </button>
          )}
        </div>
        {media.description.namable && (
          <label>
            {t('backup.medium.label')}
            <input value={label} onChange={(e) => setLabel(e.target.value)} data-testid="medium-label" />
          </label>
        )}
        <button type="button" className="primary big" data-testid="run-backup" disabled={running} onClick={() => void start()}>
          {running ? t('backup.running') : t('backup.run')}
        </button>
        {running && <ProgressBar progress={state.progress} label={t('backup.running')} />}
        {state.status === 'done' && (
          <p role="status" className="ok" data-testid="run-done">
            {t('backup.runDone', { size: formatBytes(state.report.bytesWritten, i18n.language), duration: formatDuration(state.report.durationMs, i18n.language) })}
          </p>
        )}
        {state.status === 'failed' && <ReasonMessage reason={state.reason} onRetry={() => void start()} />}
      </div>
      <LastBackup
        last={last}
        codec={codec}
        encrypted={settings.set?.encryption !== 'none'}
        openReader={media.description.readable ? async () => (await openMedium(settings, { db, setId: settings.set?.setId ?? null }))?.destination ?? null : null}
      />
      <div className="card stack">
        <h2>{t('backup.history.title')}</h2>
        <BackupHistory rows={history} />
      </div>
      <div className="row">
        <button type="button" onClick={onReset} disabled={running} data-testid="backup-reset">
          {t('backup.setup.reset')}
        </button>
      </div>
      {askReplace && (
        <Dialog title={t('backup.medium.replaceTitle')} onClose={() => setAskReplace(false)} testId="replace-confirm">
          <p>{t('backup.medium.replaceText')}</p>
          <div className="row">
            <button type="button" onClick={() => setAskReplace(false)}>
              {t('common.cancel')}
            </button>
            <button type="button" className="danger" onClick={() => void start(true)}>
              {t('backup.medium.replace')}
            </button>
          </div>
        </Dialog>
      )}
    </div>
  );
}
