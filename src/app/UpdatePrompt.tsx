// Service-worker registration with the prompt flow (workbox-window): a new version is announced,
// and applied only when the cashier accepts and no sale is open.
import { useEffect, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { Workbox } from 'workbox-window';
import { openSaleStore } from '../pos/ui';

/** Activates the waiting worker, then reloads once it controls the page (the new version). */
function applyUpdate(wb: Workbox): void {
  navigator.serviceWorker.addEventListener('controllerchange', () => window.location.reload(), { once: true });
  wb.messageSkipWaiting();
}

export function UpdatePrompt() {
  const { t } = useTranslation();
  const [wb, setWb] = useState<Workbox | null>(null);
  const [waiting, setWaiting] = useState(false);
  const saleOpen = useSyncExternalStore(openSaleStore.subscribe, openSaleStore.get);

  useEffect(() => {
    if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
    const workbox = new Workbox('/sw.js', { scope: '/' });
    workbox.addEventListener('waiting', () => setWaiting(true));
    void workbox.register().catch(() => undefined);
    setWb(workbox);
  }, []);

  if (!waiting || !wb) return null;
  return (
    <div className="update-prompt" role="status">
      <span>{t('update.available')}</span>
      {saleOpen ? (
        <span className="muted">{t('update.afterSale')}</span>
      ) : (
        <button type="button" onClick={() => applyUpdate(wb)}>
          {t('update.reload')}
        </button>
      )}
    </div>
  );
}
