// Parked sales, newest first; resuming one parks the open sale in its place.
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../../ui/AppContext';
import { Dialog } from '../../../ui/Dialog';
import { formatShortDateTime } from '../../../ui/format';
import type { Cart } from '../../domain';

export function ParkedDialog({ onResume, onClose }: { onResume(id: string): void; onClose(): void }) {
  const { t, i18n } = useTranslation();
  const { db } = useApp();
  const parked = useLiveQuery(() => db.parked.orderBy('parkedAt').reverse().toArray(), [db]);
  return (
    <Dialog title={t('sale.parked')} onClose={onClose} testId="parked-dialog">
      {parked === undefined ? (
        <p role="status">{t('common.loading')}</p>
      ) : parked.length === 0 ? (
        <p className="muted">{t('sale.noParked')}</p>
      ) : (
        <ul className="stack" style={{ listStyle: 'none', padding: 0 }}>
          {parked.map((p) => (
            <li key={p.id}>
              <button type="button" onClick={() => onResume(p.id)} style={{ width: '100%', textAlign: 'left' }}>
                {formatShortDateTime(p.parkedAt, i18n.language)} · {t('sale.lines', { count: (p.cart as Cart).lines.length })}
              </button>
            </li>
          ))}
        </ul>
      )}
    </Dialog>
  );
}
