// Left side of the sale: search by name or SKU (Enter on a code scans it), groups, article tiles.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArticleRow } from '../../../db/schema';
import { useArticleBrowser } from '../hooks/useArticleBrowser';
import { useGroups } from '../hooks/useGroups';
import { useMoney } from '../hooks/useMoney';

export function CatalogPanel({ onPick, onSubmitCode }: { onPick(a: ArticleRow): void; onSubmitCode(code: string): void }) {
  const { t } = useTranslation();
  const groups = useGroups();
  const [query, setQuery] = useState('');
  const [groupId, setGroupId] = useState<string | null>(null);
  const money = useMoney();
  const current = groupId ?? (query ? null : groups?.[0]?.id ?? null);
  const shown = useArticleBrowser(query, current);

  return (
    <section className="catalog" aria-label={t('sale.catalog')}>
      <input
        type="search"
        placeholder={t('sale.searchPlaceholder')}
        aria-label={t('sale.search')}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && /^[0-9A-Za-z:-]{4,}$/.test(query.trim()) && /\d/.test(query)) {
            onSubmitCode(query.trim());
            setQuery('');
          }
        }}
      />
      <div className="groups" role="group" aria-label={t('sale.groups')}>
        {(groups ?? []).map((g) => (
          <button
            key={g.id}
            type="button"
            aria-pressed={!query && current === g.id}
            style={g.color ? { borderLeft: `6px solid ${g.color}` } : undefined}
            onClick={() => {
              setQuery('');
              setGroupId(g.id);
            }}
          >
            {g.name}
          </button>
        ))}
      </div>
      <div className="articles" data-testid="article-grid">
        {shown === undefined ? (
          <p role="status">{t('common.loading')}</p>
        ) : shown.length === 0 ? (
          <p className="muted">{query ? t('sale.noMatch') : t('sale.pickGroup')}</p>
        ) : (
          shown.map((a) => (
            <button key={a.id} type="button" className="article-tile" onClick={() => onPick(a)} data-testid="article-tile">
              <span>{a.name}</span>
              <span className="muted">{a.sku}</span>
              <span className="price">
                {money(a.unitPrice)}
                {a.unit !== 'pcs' ? ` / ${t(`units.${a.unit}`)}` : ''}
              </span>
            </button>
          ))
        )}
      </div>
    </section>
  );
}
