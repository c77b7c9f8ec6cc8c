// Previous / next paging over `total` items, `limit` per page.
import { useTranslation } from 'react-i18next';

/** `label` names the list paged, so several pagers on one page stay distinct landmarks. */
export function Pager({ label, total, limit, offset, onChange }: { label: string; total: number; limit: number; offset: number; onChange: (offset: number) => void }) {
  const { t } = useTranslation('admin');
  const pages = Math.max(1, Math.ceil(total / limit));
  const page = Math.floor(offset / limit) + 1;
  return (
    <nav className="pager" aria-label={`${t('common.pager')}: ${label}`}>
      <button type="button" disabled={offset === 0} onClick={() => onChange(Math.max(0, offset - limit))}>
        {t('common.previous')}
      </button>
      <span aria-live="polite">
        {t('common.pageOf', { page, pages })} · {t('common.total', { count: total })}
      </span>
      <button type="button" disabled={offset + limit >= total} onClick={() => onChange(offset + limit)}>
        {t('common.next')}
      </button>
    </nav>
  );
}
