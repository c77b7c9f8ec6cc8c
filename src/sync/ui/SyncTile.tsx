// One tile of the data update screen: a button that syncs its category, with progress, the last
// successful sync and the failure reason.
import { useTranslation } from 'react-i18next';
import type { TileView } from './tileState';
import { isKeyOf } from '../../ui/widen';
import { en } from '../i18n/en';

export function SyncTile({ id, label, view, disabled, onClick }: { id: string; label: string; view: TileView; disabled: boolean; onClick(): void }) {
  const { t, i18n } = useTranslation();
  const when = view.lastSyncedAt
    ? new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'short' }).format(new Date(view.lastSyncedAt))
    : null;
  const running = view.state === 'running';
  return (
    <button
      type="button"
      className="sync-tile card"
      data-testid={`tile-${id}`}
      data-state={view.state}
      aria-busy={running}
      disabled={disabled}
      onClick={onClick}
    >
      <span className="sync-tile-title">{label}</span>
      {running && (
        <>
          <progress max={view.total || undefined} value={view.total ? view.done : undefined} aria-label={label} />
          <span data-testid={`tile-${id}-progress`}>{view.total ? t('sync.update.progress', { done: view.done, total: view.total }) : t('sync.update.running')}</span>
        </>
      )}
      <span data-testid={`tile-${id}-last`}>{when ? t('sync.update.lastSync', { when }) : t('sync.update.never')}</span>
      {view.error && !running && (
        <span className="sync-tile-error" data-testid={`tile-${id}-error`} data-reason={view.error}>
          {t('sync.update.failed', { reason: isKeyOf(en.reason, view.error) ? t(`sync.reason.${view.error}`) : view.error })}
        </span>
      )}
    </button>
  );
}
