// Currencies, Clients and Operators lists. Operators show names and roles only, never PIN data.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClientSearch } from '../hooks/useClientSearch';
import { useCurrencies } from '../hooks/useCurrencies';
import { useOperatorRoles } from '../hooks/useOperatorRoles';
import { ListStates, SearchBox } from '../../../ui/ListStates';

export function CurrenciesList() {
  const { t } = useTranslation();
  const result = useCurrencies();
  return (
    <ListStates result={result} isEmpty={(d) => d.length === 0} empty={t('screens.lists.currencies.empty')}>
      {(rows) => (
        <table className="list-table" data-testid="currencies-table">
          <thead>
            <tr>
              <th>{t('screens.lists.currencies.code')}</th>
              <th>{t('screens.lists.articles.name')}</th>
              <th className="num">{t('screens.lists.currencies.rate')}</th>
              <th className="num">{t('screens.lists.currencies.decimals')}</th>
              <th>{t('screens.lists.currencies.cash')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((c) => (
              <tr key={c.code}>
                <td>{c.code}</td>
                <td>{c.name}</td>
                <td className="num">{c.rate}</td>
                <td className="num">{c.decimals}</td>
                <td>{c.acceptedAsCash ? t('screens.common.yes') : t('screens.common.no')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </ListStates>
  );
}

const CLIENT_LIMIT = 100;

export function ClientsList() {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const result = useClientSearch(query, CLIENT_LIMIT);
  return (
    <>
      <SearchBox value={query} onChange={setQuery} label={t('screens.customers.search')} testId="list-search" />
      <ListStates result={result} isEmpty={(d) => d.length === 0} empty={query ? t('screens.lists.noMatch') : t('screens.customers.empty')}>
        {(rows) => (
          <>
            <table className="list-table" data-testid="clients-table">
              <thead>
                <tr>
                  <th>{t('screens.customers.name')}</th>
                  <th>{t('screens.customers.phone')}</th>
                  <th className="wide-only">{t('screens.customers.email')}</th>
                  <th>{t('screens.customers.card')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((c) => (
                  <tr key={c.id}>
                    <td>
                      {c.name} {c.origin === 'local' && <span className="badge-local">{t('screens.common.local')}</span>}
                    </td>
                    <td>{c.phone ?? ''}</td>
                    <td className="wide-only">{c.email ?? ''}</td>
                    <td>{c.cardNumber ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {rows.length >= CLIENT_LIMIT && <p className="muted">{t('screens.lists.refine', { count: CLIENT_LIMIT })}</p>}
          </>
        )}
      </ListStates>
    </>
  );
}

export function OperatorsList() {
  const { t } = useTranslation();
  const result = useOperatorRoles();
  return (
    <ListStates result={result} isEmpty={(d) => d.length === 0} empty={t('screens.lists.operators.empty')}>
      {(rows) => (
        <table className="list-table" data-testid="operators-table">
          <thead>
            <tr>
              <th>{t('screens.lists.articles.name')}</th>
              <th>{t('screens.lists.operators.role')}</th>
              <th className="wide-only">{t('screens.lists.operators.rights')}</th>
              <th>{t('screens.lists.operators.status')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((o) => (
              <tr key={o.id}>
                <td>{o.name}</td>
                <td>{o.role?.name ?? t('screens.lists.operators.noRole')}</td>
                <td className="wide-only">{o.role ? o.role.rights.map((r) => t(`rights.names.${r}`)).join(', ') : ''}</td>
                <td>{o.active ? t('screens.lists.operators.active') : t('screens.lists.operators.inactive')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </ListStates>
  );
}
