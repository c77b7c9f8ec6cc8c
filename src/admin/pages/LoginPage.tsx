// The admin password form; a wrong password is said as such, other failures by their code.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AdminApiError } from '../api';
import { ErrorState } from '../components/ErrorState';
import { useLogin } from '../hooks/useAuth';

export function LoginPage() {
  const { t } = useTranslation('admin');
  const login = useLogin();
  const [password, setPassword] = useState('');
  const wrongPassword = login.error instanceof AdminApiError && login.error.code === 'unauthorized';
  return (
    <main id="main" className="login">
      <h1>{t('login.title')}</h1>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          login.mutate(password);
        }}
      >
        <div className="field">
          <label htmlFor="admin-password">{t('login.password')}</label>
          <input
            id="admin-password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            aria-invalid={wrongPassword || undefined}
            aria-describedby={wrongPassword ? 'login-error' : undefined}
            onChange={(e) => setPassword(e.target.value)}
          />
        </div>
        {wrongPassword ? (
          <p id="login-error" className="field-error" role="alert">
            {t('login.badPassword')}
          </p>
        ) : login.isError ? (
          <ErrorState error={login.error} />
        ) : null}
        <button type="submit" className="primary" disabled={login.isPending || password === ''}>
          {login.isPending ? t('login.submitting') : t('login.submit')}
        </button>
      </form>
    </main>
  );
}
