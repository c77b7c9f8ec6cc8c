// The four states every list shows: loading, error with retry, empty with what to do, or data.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from './ErrorState';

interface QueryLike {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  refetch: () => unknown;
}

export function QueryState({ query, isEmpty, empty, children }: { query: QueryLike; isEmpty: boolean; empty: ReactNode; children: ReactNode }) {
  const { t } = useTranslation('admin');
  if (query.isPending) {
    return (
      <p className="loading" role="status">
        {t('common.loading')}
      </p>
    );
  }
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (isEmpty) return <p className="empty">{empty}</p>;
  return <>{children}</>;
}
