// Edit form of one record: fields from its kind's spec, checked on submit against the entity
// schema (forms/convert.ts), then saved with PUT. Used in a modal and on the Parameters page.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordKind } from '@model';
import type { Draft, FieldError, MoneyScale } from '../forms/codecs';
import { draftFromRecord, recordFromDraft } from '../forms/convert';
import { BLANK_RECORDS, FORM_SPECS } from '../forms/specs';
import { useShopMoney } from '../hooks/useBaseCurrency';
import { useRecordMutations } from '../hooks/useRecordMutations';
import { ErrorState } from './ErrorState';
import { FieldInput } from './FieldInput';

export interface ExistingRecord {
  id: string;
  data: Readonly<Record<string, unknown>>;
}

interface Props {
  kind: RecordKind;
  existing: ExistingRecord | null;
  onSaved: () => void;
  onCancel?: () => void;
  newId?: () => string;
}

const randomId = () => crypto.randomUUID();

/** Money fields are shown and read with the base currency's decimals, so the form waits for them. */
export function RecordForm(props: Props) {
  const { t } = useTranslation('admin');
  const money = useShopMoney();
  if (!money.ready) return <p role="status">{t('common.loading')}</p>;
  return <RecordFormWithScale key={money.decimals} {...props} scale={{ moneyDecimals: money.decimals }} />;
}

function RecordFormWithScale({ kind, existing, onSaved, onCancel, newId = randomId, scale }: Props & { scale: MoneyScale }) {
  const { t } = useTranslation('admin');
  const { save } = useRecordMutations(kind);
  const [draft, setDraft] = useState<Draft>(() => draftFromRecord(kind, existing?.data ?? BLANK_RECORDS[kind], scale));
  const [errors, setErrors] = useState<Record<string, FieldError>>({});

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const result = recordFromDraft(kind, draft, { existing, newId, ...scale });
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    save.mutate({ id: result.id, data: result.data }, { onSuccess: onSaved });
  };

  const hasErrors = Object.keys(errors).length > 0;
  return (
    <form className="record-form" onSubmit={submit} noValidate>
      {FORM_SPECS[kind].map((spec) => (
        <FieldInput
          key={spec.name}
          kind={kind}
          spec={spec}
          draft={draft}
          error={errors[spec.name]}
          isNew={existing === null}
          onChange={(value) => setDraft((d) => ({ ...d, ...Object.fromEntries((spec.resets ?? []).map((f) => [f, ''])), [spec.name]: value }))}
        />
      ))}
      {hasErrors && (
        <p className="field-error" role="alert">
          {t('fieldErrors.summary')}
        </p>
      )}
      {save.isError && <ErrorState error={save.error} title={t('common.saveFailed')} />}
      <div className="actions">
        {onCancel && (
          <button type="button" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        )}
        <button type="submit" className="primary" disabled={save.isPending}>
          {save.isPending ? t('common.saving') : t('common.save')}
        </button>
      </div>
    </form>
  );
}
