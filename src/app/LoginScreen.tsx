// PIN login: choose an operator tile, type the PIN on the pad. Works offline from Dexie.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../ui/AppContext';
import { loginWithPin } from '../db/auth';
import { useOperators } from '../pos/ui';
import { useParameters } from '../pos/ui';
import { PinPad } from '../ui/PinPad';

export function LoginScreen() {
  const { t } = useTranslation();
  const { db, login } = useApp();
  const operators = useOperators();
  const parameters = useParameters();
  const [selected, setSelected] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const active = (operators ?? []).filter((o) => o.active);
  const current = selected ?? (active.length === 1 ? active[0]!.id : null);

  async function submit(pin: string) {
    if (!current) return;
    setBusy(true);
    const result = await loginWithPin(db, current, pin);
    setBusy(false);
    if (result.ok) login({ operator: result.operator, role: result.role });
    else setError(t(`login.error.${result.reason}`));
  }

  return (
    <main className="login">
      <h1>{parameters?.shopName ?? t('app.name')}</h1>
      {operators === undefined ? (
        <p role="status">{t('common.loading')}</p>
      ) : active.length === 0 ? (
        <p role="alert">{t('login.noOperators')}</p>
      ) : (
        <div className="login-body">
          <div className="operator-tiles" role="radiogroup" aria-label={t('login.chooseOperator')}>
            {active.map((o) => (
              <button
                key={o.id}
                type="button"
                role="radio"
                aria-checked={current === o.id}
                className={current === o.id ? 'tile selected' : 'tile'}
                onClick={() => {
                  setSelected(o.id);
                  setError(null);
                }}
              >
                {o.name}
              </button>
            ))}
          </div>
          {current && <PinPad key={current} label={t('login.pin')} onSubmit={(pin) => void submit(pin)} error={error} busy={busy} />}
        </div>
      )}
    </main>
  );
}
