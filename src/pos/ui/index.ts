// The till feature's public entry: its screens, menu entries, settings page and top-bar widgets,
// as the app shell assembles them, plus the few hooks the shell's lock screen needs.
import { createElement } from 'react';
import type { Feature } from '../../ui/feature';
import { SaleScreen } from './sale/SaleScreen';
import { PayScreen } from './pay/PayScreen';
import { ReceiptScreen } from './receipts/ReceiptScreen';
import { ReceiptsScreen } from './receipts/ReceiptsScreen';
import { RefundScreen } from './receipts/RefundScreen';
import { CustomersScreen } from './customers/CustomersScreen';
import { LISTS, ListsScreen } from './lists/ListsScreen';
import { ShiftScreen } from './shift/ShiftScreen';
import { PrinterSettings } from './PrinterSettings';
import { ShiftIndicator, ShopName } from './TopBar';

declare module '../../ui/routing' {
  interface Routes {
    sale: null;
    pay: null;
    receipt: string;
    receipts: null;
    refund: string | null;
    customers: null;
    lists: (typeof LISTS)[number];
    shift: null;
  }
}

export const posFeature: Feature = {
  screens: [
    { name: 'sale', render: () => createElement(SaleScreen), menu: [{ group: 'till', order: 10, label: (t) => t('menu.sale') }] },
    { name: 'pay', render: () => createElement(PayScreen) },
    { name: 'receipt', render: (id) => (id ? createElement(ReceiptScreen, { id }) : createElement(ReceiptsScreen)) },
    { name: 'receipts', render: () => createElement(ReceiptsScreen), menu: [{ group: 'till', order: 20, label: (t) => t('menu.receipts') }] },
    { name: 'refund', render: (id) => createElement(RefundScreen, { receiptId: id }) },
    { name: 'customers', render: () => createElement(CustomersScreen), menu: [{ group: 'till', order: 30, label: (t) => t('menu.customers') }] },
    { name: 'shift', render: () => createElement(ShiftScreen), menu: [{ group: 'till', order: 40, label: (t) => t('menu.shift') }] },
    {
      name: 'lists',
      render: (list) => createElement(ListsScreen, { list: list ?? LISTS[0] }),
      menu: LISTS.map((list, i) => ({ group: 'lists', order: i, arg: list, label: (t) => t(`lists.${list}`) })),
    },
  ],
  settings: [{ id: 'printer', order: 40, title: (t) => t('settings.printer.title'), render: () => createElement(PrinterSettings) }],
  topBar: [
    { slot: 'info', Component: ShopName },
    { slot: 'info', Component: ShiftIndicator },
  ],
};

export { useOperators } from './hooks/useOperators';
export { useParameters } from './hooks/useParameters';
export { openSaleStore } from './openSaleStore';
export { loadDemoShop } from '../services/demo';
