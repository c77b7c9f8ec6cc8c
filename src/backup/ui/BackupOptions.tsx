// The settings tabs: "General options" (compression, indexes, made outside — confirmed —,
// suspend) and "Folders to back up" (data sets + extra disk folders). Saved on "Validate".
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../ui/AppContext';
import type { DataSetName } from '../../db/schema';
import { ALL_DATA_SETS } from '../dexie-source';
import type { CompressionLevel } from '../format/codec';
import type { ExtraFolder } from '../folder-source';
import { saveSettings, type BackupSettings } from '../settings';
import { Dialog } from '../../ui/Dialog';
import { canPickDirectory, pickDirectory } from './pickDirectory';
import { toggleOne } from './wizard';

const LEVELS: { level: CompressionLevel; key: 'fast' | 'normal' | 'best' }[] = [
  { level: 1, key: 'fast' },
  { level: 6, key: 'normal' },
  { level: 9, key: 'best' },
];

type Draft = Pick<BackupSettings, 'compressionLevel' | 'includeIndexes' | 'externalBackups' | 'suspended' | 'dataSets' | 'extraFolders'>;

export function BackupOptions({ settings, tab }: { settings: BackupSettings; tab: 'general' | 'folders' }) {
  const { t } = useTranslation();
  const { db } = useApp();
  const [draft, setDraft] = useState<Draft>(() => ({
    compressionLevel: settings.compressionLevel, includeIndexes: settings.includeIndexes, externalBackups: settings.externalBackups,
    suspended: settings.suspended, dataSets: settings.dataSets, extraFolders: settings.extraFolders,
  }));
  const [askExternal, setAskExternal] = useState(false);
  const [saved, setSaved] = useState(false);
  const set = (patch: Partial<Draft>) => {
    setSaved(false);
    setDraft((d) => ({ ...d, ...patch }));
  };

  async function addFolder() {
    const handle = await pickDirectory('read').catch(() => null);
    if (!handle || draft.extraFolders.some((f) => f.label === handle.name)) return;
    set({ extraFolders: [...draft.extraFolders, { label: handle.name, handle } satisfies ExtraFolder] });
  }

  return (
    <form
      className="card stack"
      data-testid={`backup-options-${tab}`}
      onSubmit={(e) => {
        e.preventDefault();
        void saveSettings(db, draft).then(() => setSaved(true));
      }}
    >
      {tab === 'general' ? (
        <>
          <label>
            {t('backup.options.compression')}
            <select value={draft.compressionLevel} data-testid="compression-level" onChange={(e) => set({ compressionLevel: Number(e.target.value) as CompressionLevel })}>
              {LEVELS.map((l) => (
                <option key={l.level} value={l.level}>
                  {t(`backup.options.level.${l.key}`)}
                </option>
              ))}
            </select>
          </label>
          <Check label={t('backup.options.includeIndexes')} checked={draft.includeIndexes} onChange={(v) => set({ includeIndexes: v })} testId="include-indexes" />
          <Check label={t('backup.options.external')} checked={draft.externalBackups} onChange={(v) => (v ? setAskExternal(true) : set({ externalBackups: false }))} testId="external-backups" />
          <Check label={t('backup.options.suspend')} checked={draft.suspended} onChange={(v) => set({ suspended: v })} testId="suspend-backups" />
        </>
      ) : (
        <>
          <fieldset className="stack">
            {ALL_DATA_SETS.map((s: DataSetName) => (
              <Check key={s} label={t(`backup.sets.${s}`)} checked={draft.dataSets.includes(s)} onChange={() => set({ dataSets: toggleOne(draft.dataSets, s) as DataSetName[] })} testId={`data-set-${s}`} />
            ))}
          </fieldset>
          <h3>{t('backup.folders.extra')}</h3>
          {draft.extraFolders.length === 0 ? (
            <p className="muted">{t('backup.folders.none')}</p>
          ) : (
            <ul className="org-list" data-testid="extra-folders">
              {draft.extraFolders.map((f) => (
                <li key={f.label} className="org-item">
                  <span className="grow">{f.label}</span>
                  <button type="button" onClick={() => set({ extraFolders: draft.extraFolders.filter((x) => x.label !== f.label) })}>
                    {t('backup.folders.remove')}
                  </button>
                </li>
              ))}
            </ul>
          )}
          {canPickDirectory() && (
            <button type="button" onClick={() => void addFolder()} data-testid="add-folder">
              {t('backup.folders.add')}
            </button>
          )}
        </>
      )}
      <div className="row">
        <button type="submit" className="primary" data-testid="validate-options">
          {t('backup.options.validate')}
        </button>
        {saved && <span role="status" className="ok">{t('backup.options.saved')}</span>}
      </div>
      {askExternal && (
        <Dialog title={t('backup.options.externalTitle')} onClose={() => setAskExternal(false)} testId="external-confirm">
          <p>{t('backup.options.externalText')}</p>
          <div className="row">
            <button type="button" onClick={() => setAskExternal(false)}>
              {t('common.cancel')}
            </button>
            <button
              type="button"
              className="primary"
              onClick={() => {
                set({ externalBackups: true });
                setAskExternal(false);
              }}
            >
              {t('common.confirm')}
            </button>
          </div>
        </Dialog>
      )}
    </form>
  );
}

function Check({ label, checked, onChange, testId }: { label: string; checked: boolean; onChange(v: boolean): void; testId: string }) {
  return (
    <label className="check-row">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} data-testid={testId} />
      {label}
    </label>
  );
}
