// Customers: search by name, phone or card number; create a client offline, edit ones created
// here; "Attach to sale" stores the client as 'pendingClient' for the sale screen and goes there.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../../ui/AppContext';
import { navigate } from '../../../ui/routing';
import type { ClientRow } from '../../../db/schema';
import { RefreshButton } from '../../../sync/ui';
import { setPendingClient } from '../../services/clients';
import { useClientSearch } from '../hooks/useClientSearch';
import { ListStates, SearchBox } from '../../../ui/ListStates';
import { ClientDialog } from './ClientDialog';
import '../../../ui/lists.css';

const LIMIT = 100;

export function CustomersScreen() {
  const { t } = useTranslation();
  const { db } = useApp();
  const [query, setQuery] = useState('');
  const [editing, setEditing] = useState<ClientRow | 'new' | null>(null);
  const [attachError, setAttachError] = useState<string | null>(null);
  const result = useClientSearch(query, LIMIT);

  async function attach(c: ClientRow) {
    try {
      await setPendingClient(db, c.id);
      navigate({ name: 'sale' });
    } catch (e) {
      setAttachError(e instanceof Error ? e.name : 'unknown');
    }
  }

  return (
    <section className="list-screen" aria-labelledby="customers-title" data-testid="customers-screen">
      <div className="list-head">
        <h1 id="customers-title">{t('screens.customers.title')}</h1>
        <button type="button" className="primary" onClick={() => setEditing('new')} data-testid="client-new">
          {t('screens.customers.new')}
        </button>
        <RefreshButton category="clients" />
      </div>
      <SearchBox value={query} onChange={setQuery} label={t('screens.customers.search')} testId="client-search" />
      {attachError && (
        <p className="error" role="alert">
          {t('screens.common.loadFailed', { reason: attachError })}
        </p>
      )}
      <ListStates
        result={result}
        isEmpty={(d) => d.length === 0}
        empty={query ? t('screens.customers.noMatch') : t('screens.customers.empty')}
      >
        {(rows) => (
          <table className="list-table" data-testid="clients-table">
            <thead>
              <tr>
                <th>{t('screens.customers.name')}</th>
                <th>{t('screens.customers.phone')}</th>
                <th className="wide-only">{t('screens.customers.email')}</th>
                <th>{t('screens.customers.card')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {rows.map((c) => (
                <tr key={c.id} data-testid="client-row">
                  <td>
                    {c.name} {c.origin === 'local' && <span className="badge-local">{t('screens.common.local')}</span>}
                  </td>
                  <td>{c.phone ?? ''}</td>
                  <td className="wide-only">{c.email ?? ''}</td>
                  <td>{c.cardNumber ?? ''}</td>
                  <td>
                    <span className="row">
                      <button type="button" className="primary" onClick={() => void attach(c)} data-testid="client-attach">
                        {t('screens.customers.attach')}
                      </button>
                      {c.origin === 'local' && (
                        <button type="button" onClick={() => setEditing(c)} data-testid="client-edit">
                          {t('screens.customers.edit')}
                        </button>
                      )}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </ListStates>
      {editing && (
        <ClientDialog
          client={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={(c) => {
            setEditing(null);
            setQuery(c.name);
          }}
        />
      )}
    </section>
  );
}
