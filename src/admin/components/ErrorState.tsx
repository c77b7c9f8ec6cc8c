// An error as the user sees it: the translated reason of its code, and a retry when possible.
import { useTranslation } from 'react-i18next';
import { AdminApiError, type AdminErrorCode } from '../api';

export function errorKey(error: unknown): `errors.${AdminErrorCode}` {
  return `errors.${error instanceof AdminApiError ? error.code : 'http_error'}`;
}

export function ErrorState({ error, title, onRetry }: { error: unknown; title?: string; onRetry?: () => void }) {
  const { t } = useTranslation('admin');
  return (
    <div className="error-state" role="alert">
      <p>
        <strong>{title ?? t('common.errorTitle')}</strong> {t(errorKey(error))}
      </p>
      {error instanceof AdminApiError && error.detail && error.code !== 'unauthorized' ? (
        <p className="detail">
          <small>{error.detail}</small>
        </p>
      ) : null}
      {onRetry && (
        <button type="button" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}
