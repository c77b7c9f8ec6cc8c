// One labelled form field, drawn by its spec's widget, with its error tied by aria-describedby.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { RIGHTS, type RecordKind } from '@model';
import type { Draft, DraftValue, FieldError, FieldSpec } from '../forms/codecs';
import { useBaseCurrency } from '../hooks/useBaseCurrency';
import { dynamicKey } from '../i18n';
import { RefPicker } from './RefPicker';

interface Props {
  kind: RecordKind;
  spec: FieldSpec;
  draft: Draft;
  error: FieldError | undefined;
  isNew: boolean;
  onChange: (value: DraftValue) => void;
}

export function FieldInput({ kind, spec, draft, error, isNew, onChange }: Props) {
  const { t } = useTranslation('admin');
  const id = useId();
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const label = t(dynamicKey(`fields.${kind}.${spec.name}`));
  const value = draft[spec.name];
  const text = typeof value === 'string' ? value : '';
  const baseCurrency = useBaseCurrency();
  const unitKey = spec.unit?.(draft);
  const unit = unitKey === 'units.money' && baseCurrency ? baseCurrency : unitKey ? t(dynamicKey(unitKey)) : null;
  const hint = spec.widget === 'pin' && !isNew ? t('fields.operator.pinKeep') : null;
  const describedBy = [error ? errorId : '', hint ? hintId : ''].filter(Boolean).join(' ') || undefined;
  const common = { id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy };
  const errorText = error ? (
    <span id={errorId} className="field-error">
      {t(`fieldErrors.${error}`)}
    </span>
  ) : null;

  if (spec.widget === 'checkbox') {
    return (
      <div className="field field-checkbox">
        <input type="checkbox" {...common} checked={value === true} onChange={(e) => onChange(e.target.checked)} />
        <label htmlFor={id}>{label}</label>
        {errorText}
      </div>
    );
  }
  if (spec.widget === 'rights') {
    const chosen = Array.isArray(value) ? value : [];
    return (
      <fieldset className="field rights" aria-describedby={describedBy}>
        <legend>{label}</legend>
        {RIGHTS.map((right) => (
          <label key={right} className="check">
            <input
              type="checkbox"
              checked={chosen.includes(right)}
              onChange={(e) => onChange(e.target.checked ? [...chosen, right] : chosen.filter((r) => r !== right))}
            />
            {t(`rights.${right}`)}
          </label>
        ))}
        {errorText}
      </fieldset>
    );
  }
  const refKind = spec.widget === 'ref' ? (spec.refKind?.(draft) ?? null) : null;
  if (spec.widget === 'ref' && refKind === null) return null;

  let input;
  if (spec.widget === 'ref' && refKind) {
    input = <RefPicker id={id} kind={refKind} value={text} nullable={spec.nullable === true} invalid={!!error} describedBy={describedBy} label={label} onChange={onChange} />;
  } else if (spec.widget === 'select') {
    input = (
      <select {...common} value={text} onChange={(e) => onChange(e.target.value)}>
        {(spec.options ?? []).map((o) => (
          <option key={o} value={o}>
            {t(dynamicKey(`fields.${kind}.${spec.name}_${o}`))}
          </option>
        ))}
      </select>
    );
  } else if (spec.widget === 'textarea' || spec.widget === 'lines') {
    input = <textarea {...common} rows={spec.widget === 'lines' ? 3 : 4} value={text} onChange={(e) => onChange(e.target.value)} />;
  } else {
    const type = spec.widget === 'datetime' ? 'datetime-local' : spec.widget === 'pin' ? 'password' : 'text';
    const inputMode = spec.widget === 'decimal' ? 'decimal' : spec.widget === 'integer' || spec.widget === 'pin' ? 'numeric' : undefined;
    input = (
      <input
        {...common}
        type={type}
        inputMode={inputMode}
        autoComplete={spec.widget === 'pin' ? 'new-password' : 'off'}
        readOnly={spec.fixedOnEdit === true && !isNew}
        value={text}
        onChange={(e) => onChange(e.target.value)}
      />
    );
  }
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <div className="field-input">
        {input}
        {unit ? <span className="unit">{unit}</span> : null}
      </div>
      {hint ? (
        <span id={hintId} className="hint">
          {hint}
        </span>
      ) : null}
      {errorText}
    </div>
  );
}
