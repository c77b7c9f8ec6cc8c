// Current + new password (twice): at least MIN_PASSWORD_LENGTH characters, the two new ones
// equal and different from the current one, checked here first and by the server again.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AdminApiError } from '../api';
import { MIN_PASSWORD_LENGTH } from '../apiSchemas';
import { useChangePassword } from '../hooks/useAuth';
import { ErrorState } from './ErrorState';

export function PasswordForm({ setup = false }: { setup?: boolean }) {
  const { t } = useTranslation('admin');
  const change = useChangePassword();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [checked, setChecked] = useState(false);
  const [revoked, setRevoked] = useState<number | null>(null);
  const id = setup ? 'setup-password' : 'change-password';
  const problem =
    next.length < MIN_PASSWORD_LENGTH
      ? t('password.tooShort', { min: MIN_PASSWORD_LENGTH })
      : next !== again
        ? t('password.mismatch')
        : next === current
          ? t('password.same')
          : null;
  const wrongCurrent = change.error instanceof AdminApiError && change.error.code === 'forbidden';
  return (
    <form
      aria-labelledby={`${id}-title`}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setChecked(true);
        setRevoked(null);
        if (problem) return;
        change.mutate(
          { current, next },
          {
            onSuccess: (count) => {
              setRevoked(count);
              setCurrent('');
              setNext('');
              setAgain('');
              setChecked(false);
            },
          },
        );
      }}
    >
      <div className="field">
        <label htmlFor={`${id}-current`}>{setup ? t('password.setupCurrent') : t('password.current')}</label>
        <input
          id={`${id}-current`}
          type="password"
          autoComplete="current-password"
          required
          value={current}
          aria-invalid={wrongCurrent || undefined}
          aria-describedby={wrongCurrent ? `${id}-current-error` : undefined}
          onChange={(e) => setCurrent(e.target.value)}
        />
        {wrongCurrent ? (
          <p id={`${id}-current-error`} className="field-error" role="alert">
            {t('password.wrongCurrent')}
          </p>
        ) : null}
      </div>
      <div className="field">
        <label htmlFor={`${id}-new`}>{t('password.new')}</label>
        <input
          id={`${id}-new`}
          type="password"
          autoComplete="new-password"
          required
          minLength={MIN_PASSWORD_LENGTH}
          value={next}
          aria-describedby={`${id}-hint`}
          onChange={(e) => setNext(e.target.value)}
        />
        <small id={`${id}-hint`}>{t('password.hint', { min: MIN_PASSWORD_LENGTH })}</small>
      </div>
      <div className="field">
        <label htmlFor={`${id}-again`}>{t('password.confirm')}</label>
        <input
          id={`${id}-again`}
          type="password"
          autoComplete="new-password"
          required
          value={again}
          aria-invalid={(checked && problem !== null) || undefined}
          aria-describedby={checked && problem ? `${id}-problem` : undefined}
          onChange={(e) => setAgain(e.target.value)}
        />
      </div>
      {checked && problem ? (
        <p id={`${id}-problem`} className="field-error" role="alert">
          {problem}
        </p>
      ) : null}
      {change.isError && !wrongCurrent ? <ErrorState error={change.error} title={t('common.saveFailed')} /> : null}
      <p role="status" className="status">
        {revoked !== null ? t('password.changed', { count: revoked }) : ''}
      </p>
      <button type="submit" className="primary" disabled={change.isPending || current === ''}>
        {change.isPending ? t('password.submitting') : t('password.submit')}
      </button>
    </form>
  );
}
