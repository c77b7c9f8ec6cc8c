// The pages made only of record lists: catalog, prices, currencies, clients, operators and roles.
import { useTranslation } from 'react-i18next';
import type { RecordKind } from '@model';
import { RecordsPanel } from '../components/RecordsPanel';
import type { AdminKey } from '../i18n';

function ListsPage({ titleKey, kinds }: { titleKey: AdminKey; kinds: RecordKind[] }) {
  const { t } = useTranslation('admin');
  return (
    <>
      <h1>{t(titleKey)}</h1>
      {kinds.map((kind) => (
        <RecordsPanel key={kind} kind={kind} />
      ))}
    </>
  );
}

export const CatalogPage = () => <ListsPage titleKey="nav.catalog" kinds={['article', 'articleGroup']} />;
export const PricesPage = () => <ListsPage titleKey="nav.prices" kinds={['priceList', 'price', 'discount']} />;
export const CurrenciesPage = () => <ListsPage titleKey="nav.currencies" kinds={['currency']} />;
export const ClientsPage = () => <ListsPage titleKey="nav.clients" kinds={['client']} />;
export const OperatorsPage = () => <ListsPage titleKey="nav.operators" kinds={['operator', 'role']} />;
