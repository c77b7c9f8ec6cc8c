import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../../ui/format';
import { useParameters } from './useParameters';

/** Formats minor units of the shop's base currency (or another) for the current language. */
export function useMoney(): (minor: number, currency?: string, decimals?: number) => string {
  const { i18n } = useTranslation();
  const parameters = useParameters();
  const base = parameters?.baseCurrency ?? 'EUR';
  return (minor, currency = base, decimals) => formatMoney(minor, currency, i18n.language, decimals);
}
