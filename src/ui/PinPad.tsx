// A touch PIN pad (4–6 digits) that also takes the keyboard; used by login and supervisor prompts.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

export function PinPad({ onSubmit, error, busy, label }: { onSubmit(pin: string): void; error?: string | null; busy?: boolean; label: string }) {
  const { t } = useTranslation();
  const [pin, setPin] = useState('');

  useEffect(() => {
    if (error) setPin('');
  }, [error]);

  function press(d: string) {
    setPin((p) => (p.length < 6 ? p + d : p));
  }
  function submit() {
    if (pin.length >= 4 && !busy) onSubmit(pin);
  }

  return (
    <div className="pinpad" role="group" aria-label={label}>
      <input
        className="pin-display"
        type="password"
        inputMode="numeric"
        autoComplete="off"
        aria-label={label}
        value={pin}
        maxLength={6}
        onChange={(e) => setPin(e.target.value.replace(/\D/g, '').slice(0, 6))}
        onKeyDown={(e) => {
          if (e.key === 'Enter') submit();
        }}
        autoFocus
      />
      <div className="pin-keys">
        {['1', '2', '3', '4', '5', '6', '7', '8', '9'].map((d) => (
          <button key={d} type="button" onClick={() => press(d)}>
            {d}
          </button>
        ))}
        <button type="button" onClick={() => setPin('')} aria-label={t('pin.clear')}>
          C
        </button>
        <button type="button" onClick={() => press('0')}>
          0
        </button>
        <button type="button" className="primary" onClick={submit} disabled={pin.length < 4 || busy}>
          {t('pin.ok')}
        </button>
      </div>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </div>
  );
}
