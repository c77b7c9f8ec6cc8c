// The antenna beside the operator name (SCREENS.md, seed 002): pulses while a sync runs, shows
// how many receipts/mutations the back office has not acknowledged, and on tap explains the
// state and its reason with "Update now". Self-sufficient: it starts the organization's sync
// scheduler (module-level singleton per organization) when the shop has a back-office link.
import { useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../ui/Dialog';
import { useAntenna, type AntennaView } from './hooks/useAntenna';
import './sync-ui.css';
import { isKeyOf } from '../../ui/widen';
import { en } from '../i18n/en';

export function Antenna() {
  const { t } = useTranslation();
  const view = useAntenna();
  const { display, state } = view;
  const [open, setOpen] = useState(false);
  const pending = state?.pending ?? 0;
  const stateText = t(`sync.antenna.state.${display}`);

  return (
    <>
      <button
        type="button"
        className="antenna"
        data-testid="antenna"
        data-state={display}
        aria-label={t('sync.antenna.label', { state: stateText })}
        title={stateText}
        onClick={() => setOpen(true)}
      >
        <AntennaIcon />
        <span className="badge" data-testid="antenna-pending" data-count={pending} hidden={pending === 0}>
          {pending}
        </span>
      </button>
      {/* Portal: the top bar's white text and layout must not leak into the dialog. */}
      {open && createPortal(<AntennaDialog view={view} onClose={() => setOpen(false)} />, document.body)}
    </>
  );
}

function AntennaDialog({ view, onClose }: { view: AntennaView; onClose(): void }) {
  const { t } = useTranslation();
  const { display, state, reason, session } = view;
  const pending = state?.pending ?? 0;
  const rejected = state?.rejected ?? 0;
  return (
    <Dialog title={t('sync.antenna.title')} onClose={onClose} testId="antenna-dialog">
      <p className="antenna-dialog-state" data-state={display}>
        {t(`sync.antenna.state.${display}`)}
      </p>
      {display === 'local' && <p>{t('sync.antenna.localHint')}</p>}
      {reason && display !== 'syncing' && display !== 'synced' && (
        <p data-testid="antenna-reason" data-reason={reason}>
          {isKeyOf(en.reason, reason) ? t(`sync.reason.${reason}`) : t('sync.reason.unknown', { reason })}
        </p>
      )}
      {pending > 0 && <p>{t('sync.antenna.pending', { count: pending })}</p>}
      {rejected > 0 && <p className="error">{t('sync.antenna.rejected', { count: rejected })}</p>}
      {session && display !== 'unpaired' && (
        <button type="button" className="primary big" data-testid="antenna-update-now" disabled={display === 'syncing'} onClick={() => void session.requestSync('all')}>
          {t('sync.update.now')}
        </button>
      )}
      {(display === 'unpaired' || display === 'local') && (
        <a className="button big" href="#/settings/connection" onClick={onClose}>
          {display === 'unpaired' ? t('sync.settings.pairAgain') : t('sync.settings.connectNow')}
        </a>
      )}
    </Dialog>
  );
}

function AntennaIcon() {
  return (
    <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" aria-hidden="true">
      <path d="M12 12v10" />
      <circle cx="12" cy="10" r="2" fill="currentColor" />
      <path d="M8.5 6.5a5 5 0 0 0 0 7M15.5 6.5a5 5 0 0 1 0 7" />
      <path d="M5.5 3.5a9.2 9.2 0 0 0 0 13M18.5 3.5a9.2 9.2 0 0 1 0 13" />
    </svg>
  );
}
