// Picks a record of another kind (an article's group, a price's article): a filter box and a
// select of the first 50 matches, the current choice always kept in the list.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordKind } from '@model';
import { useRecords } from '../hooks/useRecords';
import { errorKey } from './ErrorState';
import { recordLabel } from './recordLabel';

interface Props {
  id: string;
  kind: RecordKind;
  value: string;
  nullable: boolean;
  invalid: boolean;
  describedBy?: string;
  label: string;
  onChange: (value: string) => void;
}

export function RefPicker({ id, kind, value, nullable, invalid, describedBy, label, onChange }: Props) {
  const { t } = useTranslation('admin');
  const filterId = useId();
  const [q, setQ] = useState('');
  const query = useRecords(kind, { q, limit: 50, offset: 0 });
  const items = query.data?.items ?? [];
  const known = value === '' || items.some((i) => i.id === value);
  return (
    <div className="ref-picker">
      <label htmlFor={filterId} className="visually-hidden">
        {t('ref.filter', { what: label })}
      </label>
      <input id={filterId} type="search" value={q} placeholder={t('common.search')} onChange={(e) => setQ(e.target.value)} />
      <select id={id} value={value} aria-invalid={invalid} aria-describedby={describedBy} onChange={(e) => onChange(e.target.value)}>
        <option value="">{nullable ? t('ref.none') : t('ref.choose')}</option>
        {!known && <option value={value}>{t('ref.unknown', { id: value })}</option>}
        {items.map((item) => (
          <option key={item.id} value={item.id}>
            {recordLabel(kind, item.data)}
          </option>
        ))}
      </select>
      {query.isPending && <span role="status">{t('common.loading')}</span>}
      {query.isError && (
        <span role="alert">
          {t(errorKey(query.error))}{' '}
          <button type="button" onClick={() => void query.refetch()}>
            {t('common.retry')}
          </button>
        </span>
      )}
    </div>
  );
}
