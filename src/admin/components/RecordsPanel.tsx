// A section listing one kind of record: search, paging, New, Edit and Delete (confirmed), with
// the loading, empty and error states. The Catalog, Prices, Clients… pages are made of these.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordKind } from '@model';
import type { RecordItem } from '../apiSchemas';
import { useRecordMutations } from '../hooks/useRecordMutations';
import { useRecordNames } from '../hooks/useRecordNames';
import { useRecords } from '../hooks/useRecords';
import type { AdminKey } from '../i18n';
import { COLUMNS, REFERENCED } from './columns';
import { ConfirmMutation } from './ConfirmDialog';
import { Modal } from './Modal';
import { Pager } from './Pager';
import { QueryState } from './QueryState';
import { recordLabel } from './recordLabel';
import { RecordForm } from './RecordForm';
import { useShopMoney } from '../hooks/useBaseCurrency';

const PAGE_SIZE = 25;
const NO_REFS: RecordKind[] = [];

export function RecordsPanel({ kind, searchable = true }: { kind: RecordKind; searchable?: boolean }) {
  const { t, i18n } = useTranslation('admin');
  const [q, setQ] = useState('');
  const [offset, setOffset] = useState(0);
  const [editing, setEditing] = useState<RecordItem | 'new' | null>(null);
  const [deleting, setDeleting] = useState<RecordItem | null>(null);
  const [status, setStatus] = useState<'' | 'saved' | 'deleted'>('');
  const query = useRecords(kind, { q, limit: PAGE_SIZE, offset });
  const nameOf = useRecordNames(REFERENCED[kind] ?? NO_REFS);
  const { remove } = useRecordMutations(kind);
  const headingId = `records-${kind}`;
  const items = query.data?.items ?? [];
  const money = useShopMoney();
  const ctx = { locale: i18n.language, moneyDecimals: money.decimals, t: (k: AdminKey) => t(k), nameOf };

  return (
    <section className="panel" aria-labelledby={headingId}>
      <div className="panel-head">
        <h2 id={headingId}>{t(`records.${kind}.title`)}</h2>
        <button
          type="button"
          className="primary"
          onClick={() => {
            setStatus('');
            setEditing('new');
          }}
        >
          {t(`records.${kind}.new`)}
        </button>
      </div>
      <p role="status" className="status">
        {status ? t(`status.${status}`) : ''}
      </p>
      {searchable && (
        <div className="search">
          <label htmlFor={`${headingId}-q`}>{t('common.search')}</label>
          <input
            id={`${headingId}-q`}
            type="search"
            value={q}
            placeholder={kind === 'article' ? t('common.search_placeholder') : undefined}
            onChange={(e) => {
              setQ(e.target.value);
              setOffset(0);
            }}
          />
        </div>
      )}
      <QueryState query={query} isEmpty={items.length === 0} empty={q ? t('common.noMatch', { q }) : t(`records.${kind}.empty`)}>
        <div className="table-wrap">
          <table aria-labelledby={headingId} aria-busy={query.isFetching}>
            <thead>
              <tr>
                {COLUMNS[kind].map((c) => (
                  <th key={c.header} scope="col" className={c.numeric ? 'num' : undefined}>
                    {t(c.header)}
                  </th>
                ))}
                <th scope="col">{t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.id}>
                  {COLUMNS[kind].map((c) => (
                    <td key={c.header} className={c.numeric ? 'num' : undefined}>
                      {c.cell(item.data, ctx)}
                    </td>
                  ))}
                  <td className="row-actions">
                    <button type="button" onClick={() => setEditing(item)} aria-label={`${t('common.edit')} ${recordLabel(kind, item.data)}`}>
                      {t('common.edit')}
                    </button>
                    <button type="button" className="danger" onClick={() => setDeleting(item)} aria-label={`${t('common.delete')} ${recordLabel(kind, item.data)}`}>
                      {t('common.delete')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <Pager label={t(`records.${kind}.title`)} total={query.data?.total ?? 0} limit={PAGE_SIZE} offset={offset} onChange={setOffset} />
      </QueryState>
      {editing && (
        <Modal title={t(editing === 'new' ? `records.${kind}.new` : `records.${kind}.edit`)} onClose={() => setEditing(null)}>
          <RecordForm
            kind={kind}
            existing={editing === 'new' ? null : editing}
            onSaved={() => {
              setEditing(null);
              setStatus('saved');
            }}
            onCancel={() => setEditing(null)}
          />
        </Modal>
      )}
      {deleting && (
        <ConfirmMutation
          message={t('common.deleteConfirm', { name: recordLabel(kind, deleting.data) })}
          confirmLabel={t('common.delete')}
          mutation={remove}
          variables={deleting.id}
          onClose={() => setDeleting(null)}
          onDone={() => setStatus('deleted')}
        />
      )}
    </section>
  );
}
