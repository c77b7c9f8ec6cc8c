// Settings → Connection (seed 003): the link (server, till code, organization, stores, last
// contact), "Change update settings" (periods), "Configure connection" (a new sync code; the
// outbox is kept), "Update now", and the goods sync switch. A revoked till shows "Pair again".
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../ui/AppContext';
import type { TillLink } from '../engine/link';
import { CodeForm } from './CodeForm';
import { PeriodsForm } from './PeriodsForm';
import { GoodsSyncSwitch } from './GoodsSyncSwitch';
import { useCategoryStatuses } from './hooks/useCategoryStatuses';
import { useLink } from './hooks/useLink';
import type { PairTillResult } from './pairTill';
import './sync-ui.css';

type Panel = 'none' | 'periods' | 'configure';

export function ConnectionSettings() {
  const { t } = useTranslation();
  const { registry, clock, db, org, switchOrganization } = useApp();
  const link = useLink();
  const { session, statuses, active } = useCategoryStatuses();
  const [panel, setPanel] = useState<Panel>('none');
  const [saved, setSaved] = useState(false);

  if (link === undefined) return <p role="status">{t('sync.update.loading')}</p>;

  const onPaired = (res: Extract<PairTillResult, { ok: true }>) => {
    setPanel('none');
    // Pairing into another organization opens it; the same one just keeps going.
    if (res.org.id !== org.id) void switchOrganization(res.org.id);
  };
  const codeForm = <CodeForm registry={registry} clock={clock} onPaired={onPaired} onCancel={link ? () => setPanel('none') : undefined} />;

  if (!link) {
    return (
      <div className="card stack" data-testid="connection-settings" data-state="local">
        <p>{t('sync.settings.notConnected')}</p>
        <h2>{t('sync.settings.connectNow')}</h2>
        {codeForm}
      </div>
    );
  }

  const lastContact = statuses
    ? Object.values(statuses)
        .map((s) => s.lastSyncedAt)
        .filter((s): s is string => !!s)
        .sort()
        .at(-1)
    : undefined;

  return (
    <div className="stack" data-testid="connection-settings" data-state={active ? 'paired' : 'unpaired'}>
      {!active && (
        <div className="card stack" role="alert">
          <p className="error">{t('sync.settings.unpaired')}</p>
          {panel !== 'configure' && (
            <button type="button" className="primary big" data-testid="pair-again" onClick={() => setPanel('configure')}>
              {t('sync.settings.pairAgain')}
            </button>
          )}
        </div>
      )}
      <LinkCard link={link} lastContact={lastContact} />
      <div className="row">
        <button type="button" className="big" data-testid="change-periods" onClick={() => setPanel(panel === 'periods' ? 'none' : 'periods')} aria-expanded={panel === 'periods'}>
          {t('sync.settings.changePeriods')}
        </button>
        <button type="button" className="big" data-testid="configure-connection" onClick={() => setPanel(panel === 'configure' ? 'none' : 'configure')} aria-expanded={panel === 'configure'}>
          {t('sync.settings.configure')}
        </button>
        <button type="button" className="primary big" data-testid="settings-update-now" disabled={!active || !session} onClick={() => void session?.requestSync('all')}>
          {t('sync.update.now')}
        </button>
      </div>
      {saved && <p role="status">{t('sync.settings.saved')}</p>}
      {panel === 'periods' && (
        <div className="card stack">
          <PeriodsForm
            db={db}
            onSaved={() => {
              setSaved(true);
              setPanel('none');
            }}
          />
        </div>
      )}
      {panel === 'configure' && (
        <div className="card stack">
          <p>{t('sync.settings.configureIntro')}</p>
          {codeForm}
        </div>
      )}
      <GoodsSyncSwitch disabled={!active} />
    </div>
  );
}

function LinkCard({ link, lastContact }: { link: TillLink; lastContact: string | undefined }) {
  const { t, i18n } = useTranslation();
  const fmt = (iso: string | undefined) => (iso ? new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'short' }).format(new Date(iso)) : t('sync.settings.none'));
  return (
    <div className="card stack">
      <h2>{t('sync.settings.link')}</h2>
      <dl className="sync-link" data-testid="connection-link">
        <dt>{t('sync.settings.server')}</dt>
        <dd>{link.serverUrl}</dd>
        <dt>{t('sync.settings.tillCode')}</dt>
        <dd data-testid="link-till-code">{link.tillCode}</dd>
        <dt>{t('sync.settings.organization')}</dt>
        <dd data-testid="link-organization">{link.organization.name}</dd>
        <dt>{t('sync.settings.stores')}</dt>
        <dd>{link.stores.map((s) => s.name).join(', ') || t('sync.settings.none')}</dd>
        <dt>{t('sync.settings.pairedAt')}</dt>
        <dd>{fmt(link.pairedAt)}</dd>
        <dt>{t('sync.settings.lastContact')}</dt>
        <dd data-testid="link-last-contact">{fmt(lastContact)}</dd>
      </dl>
    </div>
  );
}
