// "Mise à jour des données" (seed 002): a tile per category and "All", each syncing on tap with
// its progress, last successful sync and error; "Update now". A shop without a back-office link
// explains that and points to Settings → Connection.
import { useTranslation } from 'react-i18next';
import { CATEGORIES } from '@model';
import { useCategoryStatuses } from './hooks/useCategoryStatuses';
import { allTileView, tileView } from './tileState';
import { SyncTile } from './SyncTile';
import './sync-ui.css';

export function DataUpdateScreen() {
  const { t } = useTranslation();
  const { statuses, session, linked, active } = useCategoryStatuses();

  let body;
  if (linked === undefined || (linked && !statuses)) {
    body = <p role="status">{t('sync.update.loading')}</p>;
  } else if (!linked || !session || !statuses) {
    body = (
      <div className="card stack" data-testid="data-update-not-connected">
        <p>{t('sync.update.notConnected')}</p>
        <a className="button primary big" href="#/settings/connection">
          {t('sync.update.goToConnection')}
        </a>
      </div>
    );
  } else {
    const all = allTileView(statuses, CATEGORIES);
    body = (
      <>
        {!active && (
          <p role="alert" className="error">
            {t('sync.settings.unpaired')} <a href="#/settings/connection">{t('sync.settings.pairAgain')}</a>
          </p>
        )}
        <div className="tiles" data-testid="sync-tiles">
          {CATEGORIES.map((c) => (
            <SyncTile key={c} id={c} label={t(`sync.categories.${c}`)} view={tileView(statuses[c])} disabled={!active} onClick={() => void session.requestSync([c])} />
          ))}
          <SyncTile id="all" label={t('sync.categories.all')} view={all} disabled={!active} onClick={() => void session.requestSync('all')} />
        </div>
        <button type="button" className="primary big" data-testid="update-now" disabled={!active || all.state === 'running'} onClick={() => void session.requestSync('all')}>
          {t('sync.update.now')}
        </button>
      </>
    );
  }

  return (
    <section className="stack" aria-labelledby="data-update-title">
      <h1 id="data-update-title">{t('sync.update.title')}</h1>
      {body}
    </section>
  );
}
