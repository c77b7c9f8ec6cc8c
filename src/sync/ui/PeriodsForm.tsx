// The exchange settings form (seed 003): a period per group of categories, from 5 min to 24 h or
// "Never"; receipts are always sent automatically. Saves periods only (checkpoints untouched).
import { useEffect, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { OrgDatabase } from '../../db/schema';
import { PERIOD_CHOICES, setPeriods } from '../engine/link';
import { categoryPeriods, groupPeriods, PERIOD_GROUPS, type PeriodGroup } from './periodGroups';
import { usePeriods } from './hooks/usePeriods';
import { syncStoreOf } from '../dexieStore';

export function PeriodsForm({ db, onSaved, testId = 'periods-form' }: { db: OrgDatabase; onSaved(): void | Promise<void>; testId?: string }) {
  const { t } = useTranslation();
  const rows = usePeriods(db);
  const [values, setValues] = useState<Record<PeriodGroup, number | null> | null>(null);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (rows && !values) setValues(groupPeriods(rows));
  }, [rows, values]);

  if (!values) return <p role="status">{t('sync.update.loading')}</p>;

  async function save() {
    if (!values) return;
    setSaving(true);
    setError(null);
    try {
      await setPeriods(syncStoreOf(db), categoryPeriods(values));
      await onSaved();
    } catch (e) {
      setError(e instanceof Error ? e.name : 'unknown');
    } finally {
      setSaving(false);
    }
  }

  return (
    <form
      className="stack"
      data-testid={testId}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      {(Object.keys(PERIOD_GROUPS) as PeriodGroup[]).map((g) => (
        <label key={g} className="sync-period">
          <span>{t(`sync.periods.${g}`)}</span>
          <select
            data-testid={`period-${g}`}
            value={values[g] === null ? 'never' : String(values[g])}
            onChange={(e) => setValues({ ...values, [g]: e.target.value === 'never' ? null : Number(e.target.value) })}
          >
            {PERIOD_CHOICES.map((p) => (
              <option key={String(p)} value={p === null ? 'never' : String(p)}>
                {periodLabel(t, p)}
              </option>
            ))}
          </select>
        </label>
      ))}
      <p className="sync-note">{t('sync.connect.receiptsNote')}</p>
      {error && (
        <p role="alert" className="error">
          {t('sync.reason.storage-error')}
        </p>
      )}
      <button type="submit" className="primary big" disabled={saving} data-testid="periods-save">
        {saving ? t('sync.connect.saving') : t('sync.connect.save')}
      </button>
    </form>
  );
}

export function periodLabel(t: TFunction, p: number | null): string {
  if (p === null) return t('sync.periods.never');
  return p < 3600 ? t('sync.periods.min', { count: p / 60 }) : t('sync.periods.hour', { count: p / 3600 });
}
