// "Restauration": target organization (existing or new) → a .posbackup file or a backup folder →
// password or recovery key → verify everything and show what will be replaced → Restore (one
// transaction) → open that organization. Any failure shows its reason; nothing is changed.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../ui/AppContext';
import { navigate } from '../../ui/routing';
import { RequireRight } from '../../ui/RequireRight';
import { openBackupFile } from '../export';
import { openBackupFolder } from '../destinations/directory';
import { useBackupCodec } from './hooks/useBackupCodec';
import { useOrganizationList } from './hooks/useOrganizationList';
import { useRestore, type RestoreTarget } from './hooks/useRestore';
import { canPickDirectory, pickDirectory } from './pickDirectory';
import { ProgressBar } from './ProgressBar';
import { ReasonMessage } from './ReasonMessage';
import { RestorePreviewTable } from './RestorePreviewTable';
import { ExtraFoldersRestore } from './ExtraFoldersRestore';
import { OffsiteSetPicker, type RestoreSource } from './OffsiteSetPicker';
import { clearRestoreTarget, peekRestoreTarget } from './restoreTarget';
import { nextStep, previousStep, RESTORE_STEPS, type RestoreStep } from './wizard';
import './backup.css';

export function RestoreWizard() {
  const { t } = useTranslation();
  return (
    <section className="stack" aria-labelledby="restore-title" data-testid="restore-wizard">
      <h1 id="restore-title">{t('backup.restore.title')}</h1>
      <RequireRight right="backup">
        <RestoreBody />
      </RequireRight>
    </section>
  );
}

function RestoreBody() {
  const { t } = useTranslation();
  const { org: current, switchOrganization } = useApp();
  const orgs = useOrganizationList();
  const codec = useBackupCodec();
  const { state, check, commit, reset } = useRestore(codec);
  const [step, setStep] = useState<RestoreStep>('target');
  const [target, setTarget] = useState<RestoreTarget>(() => ({ kind: 'existing', orgId: peekRestoreTarget() ?? current.id }));
  const [source, setSource] = useState<RestoreSource | null>(null);
  const [root, setRoot] = useState('');
  const [sourceError, setSourceError] = useState<string | null>(null);
  const [secret, setSecret] = useState('');
  useEffect(() => clearRestoreTarget(), []);

  if (!orgs) return <p role="status">{t('common.loading')}</p>;
  const targetName = target.kind === 'new' ? target.name : (orgs.find((o) => o.id === target.orgId)?.name ?? '');

  function choose(s: RestoreSource | null, error: string | null = null) {
    setSourceError(error);
    setSource(s);
    setRoot(s?.roots[0] ?? '');
  }

  async function onFile(file: File | undefined) {
    if (!file) return choose(null);
    const r = await openBackupFile(file);
    if (!r.ok) return choose(null, r.reason);
    choose({ label: t('backup.restore.folderChosen', { name: file.name }), roots: r.value.roots, reader: r.value.reader });
  }

  async function onFolder() {
    setSourceError(null);
    const h = await pickDirectory('read').catch(() => null);
    if (!h) return;
    const reader = await openBackupFolder(h).catch(() => null);
    if (!reader) return setSourceError('not-allowed');
    if (!(await reader.read('BACKUP.json'))) return setSourceError('no-backup');
    choose({ label: t('backup.restore.folderChosen', { name: h.name }), roots: [''], reader: () => reader });
  }

  const go = (s: RestoreStep) => {
    if (s !== 'preview' && s !== 'done') reset();
    setStep(s);
  };
  const canNext =
    (step === 'target' && (target.kind === 'existing' || target.name.trim() !== '')) || (step === 'source' && source !== null);

  return (
    <div className="card stack wizard" data-step={step}>
      <p className="muted">{t('backup.wizard.step', { n: RESTORE_STEPS.indexOf(step) + 1, total: RESTORE_STEPS.length })}</p>
      {step === 'target' && (
        <fieldset className="stack" data-testid="restore-target">
          <legend>{t('backup.restore.target')}</legend>
          {orgs.map((o) => (
            <label key={o.id} className="check-row">
              <input type="radio" name="target" checked={target.kind === 'existing' && target.orgId === o.id} onChange={() => setTarget({ kind: 'existing', orgId: o.id })} />
              {o.name}
            </label>
          ))}
          <label className="check-row">
            <input type="radio" name="target" checked={target.kind === 'new'} onChange={() => setTarget({ kind: 'new', name: '' })} data-testid="restore-new-org" />
            {t('backup.restore.newOrg')}
          </label>
          {target.kind === 'new' && (
            <label>
              {t('backup.restore.newOrgName')}
              <input value={target.name} onChange={(e) => setTarget({ kind: 'new', name: e.target.value })} data-testid="restore-new-name" />
            </label>
          )}
        </fieldset>
      )}
      {step === 'source' && (
        <div className="stack" data-testid="restore-source">
          <h3>{t('backup.restore.source')}</h3>
          <label>
            {t('backup.restore.file')}
            <input type="file" accept=".posbackup,application/zip" onChange={(e) => void onFile(e.target.files?.[0])} data-testid="restore-file" />
          </label>
          {canPickDirectory() && (
            <button type="button" onClick={() => void onFolder()} data-testid="restore-choose-folder">
              {t('backup.restore.folder')} — {t('backup.restore.chooseFolder')}
            </button>
          )}
          <OffsiteSetPicker chosen={source?.setId ?? null} onChoose={(s) => choose(s)} />
          {source && <p data-testid="restore-source-chosen">{source.label}</p>}
          {source && source.roots.length > 1 && (
            <label>
              {t('backup.restore.whichOrg')}
              <select value={root} onChange={(e) => setRoot(e.target.value)} data-testid="restore-root">
                {source.roots.map((r) => (
                  <option key={r} value={r}>
                    {r.split('/').pop()}
                  </option>
                ))}
              </select>
            </label>
          )}
          {sourceError && <ReasonMessage reason={sourceError} />}
        </div>
      )}
      {step === 'password' && (
        <form
          className="stack"
          onSubmit={(e) => {
            e.preventDefault();
            if (!source) return;
            void check(target, source.reader(root), secret).then(() => undefined);
          }}
        >
          <label>
            {t('backup.restore.password')}
            <input type="password" autoComplete="off" value={secret} onChange={(e) => setSecret(e.target.value)} data-testid="restore-password" />
          </label>
          <button type="submit" className="primary" disabled={state.status === 'checking'} data-testid="restore-check">
            {t('backup.restore.check')}
          </button>
          {state.status === 'checking' && <ProgressBar progress={state.progress} label={t('backup.restore.checking')} />}
          {state.status === 'failed' && state.at === 'check' && <ReasonMessage reason={state.reason} />}
          {state.status === 'previewed' && (
            <button type="button" className="primary" onClick={() => setStep('preview')} data-testid="wizard-next">
              {t('backup.wizard.next')}
            </button>
          )}
        </form>
      )}
      {step === 'preview' && (state.status === 'previewed' || state.status === 'restoring' || (state.status === 'failed' && state.preview)) && (
        <RestorePreviewTable
          preview={state.status === 'failed' ? state.preview! : state.preview}
          targetName={targetName}
          busy={state.status === 'restoring'}
          failure={state.status === 'failed' ? state.reason : null}
          onRestore={(p) => void commit(target, p).then((ok) => ok && setStep('done'))}
        />
      )}
      {step === 'done' && state.status === 'done' && (
        <div className="stack">
          <p role="status" className="ok" data-testid="restore-done">
            {t('backup.restore.done', { rows: state.rows, org: state.orgName })}
          </p>
          {state.preview && <ExtraFoldersRestore preview={state.preview} />}
          <button type="button" className="primary" onClick={() => void switchOrganization(state.orgId).then(() => navigate({ name: 'sale' }))} data-testid="restore-open-org">
            {t('backup.restore.openOrg')}
          </button>
        </div>
      )}
      {step !== 'done' && (
        <div className="wizard-nav">
          <button type="button" disabled={step === 'target' || state.status === 'checking' || state.status === 'restoring'} onClick={() => go(previousStep(RESTORE_STEPS, step))} data-testid="wizard-back">
            {t('backup.wizard.back')}
          </button>
          {(step === 'target' || step === 'source') && (
            <button type="button" className="primary" disabled={!canNext} onClick={() => go(nextStep(RESTORE_STEPS, step))} data-testid="wizard-next">
              {t('backup.wizard.next')}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
