// Create or edit a client at the till (offline); saving queues it for the back office.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../../ui/AppContext';
import { isoNow } from '@model';
import type { ClientRow } from '../../../db/schema';
import { createClient, updateClient, type ClientInput } from '../../services/clients';
import { Dialog } from '../../../ui/Dialog';
import type { ClientErrorReason } from '../../i18n';

const FIELDS = ['name', 'phone', 'email', 'cardNumber'] as const;

export function ClientDialog({ client, onClose, onSaved }: { client: ClientRow | null; onClose(): void; onSaved(c: ClientRow): void }) {
  const { t } = useTranslation();
  const { db, clock } = useApp();
  const [form, setForm] = useState<ClientInput>({
    name: client?.name ?? '',
    phone: client?.phone ?? '',
    email: client?.email ?? '',
    cardNumber: client?.cardNumber ?? '',
  });
  const [error, setError] = useState<ClientErrorReason | null>(null);
  const [busy, setBusy] = useState(false);

  async function save() {
    setBusy(true);
    try {
      const r = client ? await updateClient(db, client.id, form, isoNow(clock)) : await createClient(db, form, isoNow(clock));
      if (r.ok) onSaved(r.client);
      else setError(r.reason);
    } catch (e) {
      // Storage refused the write (quota, closed database): shown, never swallowed.
      setError(e instanceof Error && /Quota/.test(e.name) ? 'quota' : 'storage');
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog title={t(client ? 'screens.customers.editTitle' : 'screens.customers.newTitle')} onClose={onClose} testId="client-dialog">
      <form className="stack" onSubmit={(e) => { e.preventDefault(); void save(); }}>
        <div className="form-grid">
          {FIELDS.map((f) => (
            <label key={f} style={{ display: 'contents' }}>
              <span>{t(`screens.customers.${f === 'cardNumber' ? 'card' : f}`)}</span>
              <input
                value={form[f]}
                onChange={(e) => setForm({ ...form, [f]: e.target.value })}
                type={f === 'email' ? 'email' : f === 'phone' ? 'tel' : 'text'}
                required={f === 'name'}
                data-testid={`client-${f}`}
              />
            </label>
          ))}
        </div>
        {error && (
          <p className="error" role="alert" data-testid="client-error" data-reason={error}>
            {t(`screens.customers.errors.${error}`)}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy} data-testid="client-save">
          {busy ? t('screens.common.working') : t('screens.common.save')}
        </button>
      </form>
    </Dialog>
  );
}
