// [Actualiser] on every list (seed 002): syncs that list's category, spins while it runs, and is
// disabled with an explanation when the till is not connected to a back office.
import { useTranslation } from 'react-i18next';
import type { Category } from '@model';
import { useCategoryStatuses } from './hooks/useCategoryStatuses';
import './sync-ui.css';

export function RefreshButton({ category }: { category: Category }) {
  const { t } = useTranslation();
  const { statuses, session, active } = useCategoryStatuses();
  const running = statuses?.[category]?.running ?? false;
  const disabled = !session || !active;
  const label = running ? t('sync.refresh.running') : t('sync.refresh.label');
  return (
    <button
      type="button"
      className="refresh-button"
      data-testid={`refresh-${category}`}
      data-running={running}
      aria-busy={running}
      disabled={disabled || running}
      title={disabled ? t('sync.refresh.notConnected') : label}
      onClick={() => void session?.requestSync([category])}
    >
      <span className="refresh-icon" aria-hidden="true">
        ⟳
      </span>{' '}
      {label}
    </button>
  );
}
