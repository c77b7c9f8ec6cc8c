// A failure shown as translated text keyed by its reason, with an optional retry.
import { useTranslation } from 'react-i18next';
import { reasonKey } from './wizard';

export function ReasonMessage({ reason, onRetry }: { reason: string; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="row backup-error" role="alert" data-testid="backup-error" data-reason={reason}>
      <span className="error">{t(reasonKey(reason))}</span>
      {onRetry && (
        <button type="button" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}
