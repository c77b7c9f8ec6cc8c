// The shop's single parameters record, edited in place.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../components/QueryState';
import { RecordForm } from '../components/RecordForm';
import { useRecords } from '../hooks/useRecords';

export function ParametersPage() {
  const { t } = useTranslation('admin');
  const query = useRecords('parameters', { limit: 1, offset: 0 });
  const [savedAt, setSavedAt] = useState(0);
  const item = query.data?.items[0];
  return (
    <>
      <h1>{t('parameters.title')}</h1>
      <section className="panel" aria-label={t('parameters.title')}>
        <QueryState query={query} isEmpty={false} empty={null}>
          {/* Re-mounted after each save so the form shows the stored record and its new rev. */}
          <RecordForm key={`${item?.id ?? 'new'}-${item?.rev ?? 0}`} kind="parameters" existing={item ?? null} onSaved={() => setSavedAt((n) => n + 1)} />
          <p role="status">{savedAt > 0 ? t('parameters.saved') : ''}</p>
        </QueryState>
      </section>
    </>
  );
}
