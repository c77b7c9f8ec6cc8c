// The back-up wizard (seed 004): organizations → companies (only with one organization) → folder
// and optional password → summary → Finish, writing one .posbackup with a progress bar.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DirectoryHandleLike } from '../destinations/handle';
import { ensurePermission } from '../destinations/directory';
import { useBackupCodec } from './hooks/useBackupCodec';
import { useExport } from './hooks/useExport';
import { useOrganizationList } from './hooks/useOrganizationList';
import { canPickDirectory, pickDirectory } from './pickDirectory';
import { ProgressBar } from './ProgressBar';
import { ReasonMessage } from './ReasonMessage';
import { canLeaveExportStep, exportSteps, nextStep, passwordProblem, previousStep, toggleAll, toggleOne, type ExportStep } from './wizard';
import './backup.css';

export function ExportWizard({ initialOrgIds, onClose }: { initialOrgIds: string[]; onClose(): void }) {
  const { t } = useTranslation();
  const orgs = useOrganizationList();
  const codec = useBackupCodec();
  const { state, run } = useExport(codec);
  const [step, setStep] = useState<ExportStep>('orgs');
  const [orgIds, setOrgIds] = useState(initialOrgIds);
  const [storeIds, setStoreIds] = useState<string[] | null>(null);
  const [folder, setFolder] = useState<DirectoryHandleLike | null>(null);
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');

  if (!orgs) return <p role="status">{t('common.loading')}</p>;
  const selected = orgs.filter((o) => orgIds.includes(o.id));
  const single = selected.length === 1 ? selected[0] : undefined;
  const stores = single?.stores ?? [];
  const chosenStores = storeIds ?? stores.map((s) => s.id);
  // An organization without companies skips the company step.
  const steps = exportSteps(selected.length).filter((s) => s !== 'stores' || stores.length > 0);
  const draft = { orgIds: selected.map((o) => o.id), storeIds: chosenStores, password, confirm };
  const problem = passwordProblem(password, confirm, false);
  const busy = state.status === 'running';

  async function browse() {
    const h = await pickDirectory('readwrite').catch(() => null);
    if (h && (await ensurePermission(h, true)) === 'granted') setFolder(h);
  }

  return (
    <div className="card stack wizard" data-testid="export-wizard" data-step={step}>
      <h2>{t('backup.export.title')}</h2>
      <p className="muted">{t('backup.wizard.step', { n: steps.indexOf(step) + 1, total: steps.length })}</p>
      {step === 'orgs' && (
        <>
          <h3>{t('backup.export.orgs')}</h3>
          <p className="muted">{t('backup.export.orgsHint')}</p>
          <CheckList
            items={orgs.map((o) => ({ id: o.id, label: o.name }))}
            selected={orgIds}
            onChange={(ids) => {
              setOrgIds(ids);
              setStoreIds(null);
            }}
            testId="export-orgs"
            label={t('backup.export.orgs')}
          />
        </>
      )}
      {step === 'stores' && single && (
        <>
          <h3>{t('backup.export.stores')}</h3>
          <CheckList items={stores.map((s) => ({ id: s.id, label: s.name }))} selected={chosenStores} onChange={setStoreIds} testId="export-stores" label={t('backup.export.stores')} />
        </>
      )}
      {step === 'settings' && (
        <>
          <h3>{t('backup.export.settings')}</h3>
          <div className="row">
            <span data-testid="export-folder">{folder ? t('backup.restore.folderChosen', { name: folder.name }) : t('backup.export.noFolder')}</span>
            {canPickDirectory() && (
              <button type="button" onClick={() => void browse()} data-testid="export-browse" aria-label={t('backup.export.browse')}>
                …
              </button>
            )}
          </div>
          <label>
            {t('backup.export.password')}
            <input type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} data-testid="export-password" />
          </label>
          <label>
            {t('backup.setup.confirm')}
            <input type="password" autoComplete="new-password" value={confirm} onChange={(e) => setConfirm(e.target.value)} data-testid="export-confirm" />
          </label>
          {problem && password !== '' && <p className="error">{t(`backup.setup.${problem}`)}</p>}
          {password === '' && <p className="backup-warning">{t('backup.export.noPasswordWarn')}</p>}
        </>
      )}
      {step === 'summary' && (
        <>
          <h3>{t('backup.export.summary')}</h3>
          <dl className="backup-last" data-testid="export-summary">
            <dt>{t('backup.export.summaryOrgs')}</dt>
            <dd>{selected.map((o) => o.name).join(', ')}</dd>
            {single && (
              <>
                <dt>{t('backup.export.summaryStores')}</dt>
                <dd>{stores.filter((s) => chosenStores.includes(s.id)).map((s) => s.name).join(', ')}</dd>
              </>
            )}
            <dt>{t('backup.export.summaryDest')}</dt>
            <dd>{folder ? folder.name : t('backup.medium.download')}</dd>
            <dd>{password ? t('backup.export.summaryEncrypted') : t('backup.export.summaryPlain')}</dd>
          </dl>
          {busy && <ProgressBar progress={state.progress} label={t('backup.running')} />}
          {state.status === 'done' && <p role="status" className="ok" data-testid="export-done">{t('backup.export.done', { name: state.fileName })}</p>}
          {state.status === 'failed' && <ReasonMessage reason={state.reason} />}
        </>
      )}
      <div className="wizard-nav">
        <button type="button" onClick={onClose} disabled={busy}>
          {state.status === 'done' ? t('common.close') : t('backup.wizard.cancel')}
        </button>
        <div className="row">
          <button type="button" disabled={step === 'orgs' || busy} onClick={() => setStep(previousStep(steps, step))} data-testid="wizard-back">
            {t('backup.wizard.back')}
          </button>
          {step !== 'summary' ? (
            <button type="button" className="primary" disabled={!canLeaveExportStep(step, draft)} onClick={() => setStep(nextStep(steps, step))} data-testid="wizard-next">
              {t('backup.wizard.next')}
            </button>
          ) : (
            <button
              type="button"
              className="primary"
              disabled={busy || state.status === 'done'}
              data-testid="export-finish"
              onClick={() =>
                void run({
                  orgs: selected,
                  storeIds: chosenStores,
                  medium: folder ? { kind: 'folder', handle: folder } : { kind: 'download' },
                  password: password === '' ? null : password,
                })
              }
            >
              {t('backup.export.finish')}
            </button>
          )}
        </div>
      </div>
    </div>
  );
}

/** A checkbox list; right-click anywhere on it selects all, or clears all when all are selected. */
function CheckList({ items, selected, onChange, testId, label }: { items: { id: string; label: string }[]; selected: string[]; onChange(ids: string[]): void; testId: string; label: string }) {
  const { t } = useTranslation();
  const ids = items.map((i) => i.id);
  return (
    <div className="stack">
      <ul
        className="select-list"
        aria-label={label}
        data-testid={testId}
        onContextMenu={(e) => {
          e.preventDefault();
          onChange(toggleAll(ids, selected));
        }}
      >
        {items.map((i) => (
          <li key={i.id}>
            <label className="check-row">
              <input type="checkbox" checked={selected.includes(i.id)} onChange={() => onChange(toggleOne(selected, i.id))} />
              {i.label}
            </label>
          </li>
        ))}
      </ul>
      <div className="row">
        <button type="button" onClick={() => onChange(ids)}>
          {t('backup.export.all')}
        </button>
        <button type="button" onClick={() => onChange([])}>
          {t('backup.export.clear')}
        </button>
      </div>
    </div>
  );
}
