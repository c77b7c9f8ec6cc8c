// A manual discount: percent (to basis points) or amount (to minor units), parsed without floats.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../../ui/Dialog';
import { parseMinor, type ManualDiscount } from '../../domain';

export function DiscountDialog({ title, decimals, onConfirm, onClose }: { title: string; decimals: number; onConfirm(d: ManualDiscount | null): void; onClose(): void }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<'percent' | 'amount'>('percent');
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  function submit() {
    // Percent is parsed as a 2-decimal number: "12.5" → 1250 basis points.
    const r = parseMinor(text, kind === 'percent' ? 2 : decimals);
    if (!r.ok || (kind === 'percent' && r.value > 10000)) return setError(t('sale.discountInvalid'));
    onConfirm(r.value === 0 ? null : { kind, value: r.value });
  }
  return (
    <Dialog title={title} onClose={onClose} testId="discount-dialog">
      <div className="row" role="radiogroup" aria-label={t('sale.discountKind')}>
        {(['percent', 'amount'] as const).map((k) => (
          <button key={k} type="button" role="radio" aria-checked={kind === k} className={kind === k ? 'primary' : ''} onClick={() => setKind(k)}>
            {t(`sale.discountKinds.${k}`)}
          </button>
        ))}
      </div>
      <label>
        {t('sale.discountValue')}
        <input inputMode="decimal" value={text} onChange={(e) => setText(e.target.value)} onKeyDown={(e) => e.key === 'Enter' && submit()} />
      </label>
      {error && <p role="alert" className="error">{error}</p>}
      <div className="row">
        <button type="button" className="primary" onClick={submit}>{t('common.confirm')}</button>
        <button type="button" onClick={() => onConfirm(null)}>{t('sale.discountRemove')}</button>
      </div>
    </Dialog>
  );
}
