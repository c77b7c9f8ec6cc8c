// A money field typed on the tablet's keyboard: parsed straight to minor units (parseMinor).
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { currencyDecimals } from '../../../ui/format';
import { parseMinor, type ParseAmountReason, type Result } from '../../domain';
import { useParameters } from '../hooks/useParameters';
import type { AmountErrorReason } from '../../i18n';

export function useParseAmount(): (text: string) => Result<number, ParseAmountReason | 'negative'> {
  const parameters = useParameters();
  const decimals = currencyDecimals(parameters?.baseCurrency ?? 'EUR');
  return (text) => {
    const r = parseMinor(text, decimals);
    if (r.ok && r.value < 0) return { ok: false, reason: 'negative' };
    return r;
  };
}

export function AmountField({ label, value, onChange, testId }: { label: string; value: string; onChange(v: string): void; testId: string }) {
  const id = useId();
  return (
    <label htmlFor={id} className="stack">
      <span>{label}</span>
      <input id={id} className="amount-input" inputMode="decimal" autoComplete="off" value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId} />
    </label>
  );
}

export function AmountError({ reason }: { reason: AmountErrorReason | null }) {
  const { t } = useTranslation();
  if (!reason) return null;
  return (
    <p className="error" role="alert" data-testid="amount-error" data-reason={reason}>
      {t(`screens.errors.${reason}`)}
    </p>
  );
}
