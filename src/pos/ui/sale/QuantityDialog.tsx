// Asks the quantity of a weighed (kg, l, m) or counted article, parsed to milli-units.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../../ui/Dialog';
import { parseQuantity, type Unit } from '../../domain';

export function QuantityDialog({ article, onConfirm, onClose, initial }: { article: { name: string; unit: Unit }; onConfirm(qtyMilli: number): void; onClose(): void; initial?: string }) {
  const { t } = useTranslation();
  const [text, setText] = useState(initial ?? '');
  const [error, setError] = useState<string | null>(null);
  function submit() {
    const r = parseQuantity(text, article.unit);
    if (r.ok) onConfirm(r.value);
    else setError(t(`sale.quantityError.${r.reason}`, { defaultValue: t('sale.quantityError.invalid') }));
  }
  return (
    <Dialog title={t('sale.quantityFor', { name: article.name })} onClose={onClose} testId="quantity-dialog">
      <label>
        {t('sale.quantity', { unit: t(`units.${article.unit}`) })}
        <input inputMode="decimal" value={text} onChange={(e) => setText(e.target.value)} onKeyDown={(e) => e.key === 'Enter' && submit()} />
      </label>
      {error && <p role="alert" className="error">{error}</p>}
      <button type="button" className="primary" onClick={submit}>
        {t('common.confirm')}
      </button>
    </Dialog>
  );
}
