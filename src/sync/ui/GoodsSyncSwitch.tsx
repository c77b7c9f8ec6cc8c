// The goods sync switch (seed 003). On: the till's goods equal the back office's, so the goods
// created at this till are deleted after a confirmation that says how many, or pushed first.
// Off: goods created at the till stay local.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../ui/AppContext';
import { Dialog } from '../../ui/Dialog';
import { newId } from '../../db/ids';
import { disableMirrorMode, enableMirrorMode } from '../engine/mirror';
import { useMirrorMode } from './hooks/useMirrorMode';
import { syncStoreOf } from '../dexieStore';
import { isKeyOf } from '../../ui/widen';
import { en } from '../i18n/en';

export function GoodsSyncSwitch({ disabled }: { disabled: boolean }) {
  const { t } = useTranslation();
  const { db, clock } = useApp();
  const mirror = useMirrorMode();
  const [asking, setAsking] = useState<'on' | 'off' | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ deleted: number; queued: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (!mirror) return null;

  async function turnOn(pushFirst: boolean) {
    setBusy(true);
    setError(null);
    try {
      const res = await enableMirrorMode(
        { store: syncStoreOf(db), clock, fetch: (i, init) => fetch(i, init), random: Math.random },
        { confirm: true, pushFirst, newId },
      );
      if (res.ok) setResult({ deleted: res.deleted, queued: res.queued });
      if (res.ok && res.push && !res.push.ok) setError(res.push.reason);
      setAsking(null);
    } catch (e) {
      setError(e instanceof Error && e.name === 'QuotaExceededError' ? 'storage-error' : 'storage-error');
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="card stack" data-testid="goods-sync" data-state={mirror.on ? 'on' : 'off'}>
      <label className="sync-switch">
        <input
          type="checkbox"
          role="switch"
          data-testid="goods-sync-switch"
          checked={mirror.on}
          disabled={disabled || busy}
          onChange={() => setAsking(mirror.on ? 'off' : 'on')}
        />
        <span>{t('sync.settings.goodsSync')}</span>
      </label>
      <p>{mirror.on ? t('sync.settings.goodsOn') : t('sync.settings.goodsOff')}</p>
      {result && <p role="status">{t('sync.settings.mirrorDone', result)}</p>}
      {error && (
        <p role="alert" className="error" data-reason={error}>
          {isKeyOf(en.reason, error) ? t(`sync.reason.${error}`) : t('sync.reason.unknown', { reason: error })}
        </p>
      )}
      {asking === 'on' && (
        <Dialog title={t('sync.settings.confirmTitle')} onClose={() => setAsking(null)} testId="goods-sync-confirm">
          <p data-testid="goods-sync-count" data-count={mirror.localGoods}>
            {mirror.localGoods > 0 ? t('sync.settings.confirmText', { count: mirror.localGoods }) : t('sync.settings.confirmNone')}
          </p>
          <div className="row">
            <button type="button" className="primary big" disabled={busy} data-testid="goods-sync-confirm-delete" onClick={() => void turnOn(false)}>
              {t('sync.settings.confirm')}
            </button>
            {mirror.localGoods > 0 && (
              <button type="button" className="big" disabled={busy} data-testid="goods-sync-push-first" onClick={() => void turnOn(true)}>
                {t('sync.settings.pushFirst')}
              </button>
            )}
            <button type="button" className="big" onClick={() => setAsking(null)}>
              {t('sync.connect.cancel')}
            </button>
          </div>
        </Dialog>
      )}
      {asking === 'off' && (
        <Dialog title={t('sync.settings.disableTitle')} onClose={() => setAsking(null)} testId="goods-sync-disable">
          <p>{t('sync.settings.disableText')}</p>
          <div className="row">
            <button
              type="button"
              className="primary big"
              data-testid="goods-sync-confirm-off"
              onClick={() =>
                void disableMirrorMode(syncStoreOf(db)).then(
                  () => setAsking(null),
                  () => setError('storage-error'),
                )
              }
            >
              {t('sync.settings.disable')}
            </button>
            <button type="button" className="big" onClick={() => setAsking(null)}>
              {t('sync.connect.cancel')}
            </button>
          </div>
        </Dialog>
      )}
    </div>
  );
}
