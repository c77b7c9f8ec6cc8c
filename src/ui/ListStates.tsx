// The states every list shows: loading, error (reason + Retry), empty (what to do next), and a
// pager for long lists. Shared by the Lists, Receipts and Customers screens.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { LiveResult } from './useLiveResult';
import './lists.css';

export function ListStates<T>({
  result,
  isEmpty,
  empty,
  children,
}: {
  result: LiveResult<T>;
  isEmpty(data: T): boolean;
  empty: ReactNode;
  children(data: T): ReactNode;
}) {
  const { t } = useTranslation();
  if (result.status === 'loading') {
    return (
      <p className="muted" role="status" data-testid="list-loading">
        {t('screens.common.loading')}
      </p>
    );
  }
  if (result.status === 'error') {
    return (
      <div className="card row list-error" role="alert" data-testid="list-error">
        <span className="error">{t('screens.common.loadFailed', { reason: result.error })}</span>
        <button type="button" onClick={result.retry}>
          {t('screens.common.retry')}
        </button>
      </div>
    );
  }
  if (isEmpty(result.data)) {
    return (
      <p className="muted list-empty" data-testid="list-empty">
        {empty}
      </p>
    );
  }
  return <>{children(result.data)}</>;
}

export function Pager({ offset, limit, hasMore, onChange }: { offset: number; limit: number; hasMore: boolean; onChange(offset: number): void }) {
  const { t } = useTranslation();
  if (offset === 0 && !hasMore) return null;
  return (
    <nav className="row pager" aria-label={t('screens.common.pages')}>
      <button type="button" disabled={offset === 0} onClick={() => onChange(Math.max(0, offset - limit))}>
        {t('screens.common.previous')}
      </button>
      <span className="muted" data-testid="pager-range">
        {t('screens.common.range', { from: offset + 1, to: offset + limit })}
      </span>
      <button type="button" disabled={!hasMore} onClick={() => onChange(offset + limit)}>
        {t('screens.common.nextPage')}
      </button>
    </nav>
  );
}

/** A search box that also accepts a scanner's Enter (data-scan-target, and onEnter). */
export function SearchBox({ value, onChange, label, testId, onEnter }: { value: string; onChange(v: string): void; label: string; testId?: string; onEnter?(v: string): void }) {
  return (
    <input
      type="search"
      className="list-search"
      value={value}
      onChange={(e) => onChange(e.target.value)}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && onEnter) {
          e.preventDefault();
          onEnter(e.currentTarget.value);
        }
      }}
      placeholder={label}
      aria-label={label}
      data-scan-target=""
      data-testid={testId}
    />
  );
}
