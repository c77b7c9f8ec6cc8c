// The till's part of the top bar: the shop's name and the cash shift's state.
import { useTranslation } from 'react-i18next';
import { useParameters } from './hooks/useParameters';
import { useOpenShift } from './hooks/useOpenShift';

export function ShopName() {
  const parameters = useParameters();
  return <span className="shop-name">{parameters?.shopName ?? ''}</span>;
}

export function ShiftIndicator() {
  const { t } = useTranslation();
  const shift = useOpenShift();
  return (
    <span className={shift ? 'shift-indicator open' : 'shift-indicator'} data-testid="shift-indicator">
      {shift ? t('shift.openNumber', { number: shift.number }) : t('shift.closed')}
    </span>
  );
}
