// Maps a route to its screen. Every menu entry of SCREENS.md lands on a real screen here.
import type { Route } from './router';
import { SaleScreen } from '../pos/ui/sale/SaleScreen';
import { PayScreen } from '../pos/ui/pay/PayScreen';
import { ReceiptScreen } from '../pos/ui/receipts/ReceiptScreen';
import { ReceiptsScreen } from '../pos/ui/receipts/ReceiptsScreen';
import { RefundScreen } from '../pos/ui/receipts/RefundScreen';
import { CustomersScreen } from '../pos/ui/customers/CustomersScreen';
import { ListsScreen } from '../pos/ui/lists/ListsScreen';
import { ShiftScreen } from '../pos/ui/shift/ShiftScreen';
import { SettingsScreen } from '../pos/ui/SettingsScreen';
import { DataUpdateScreen } from '../sync/ui/DataUpdateScreen';
import { BackupScreen } from '../backup/ui/BackupScreen';
import { OrganizationsScreen } from '../backup/ui/OrganizationsScreen';
import { RestoreWizard } from '../backup/ui/RestoreWizard';

export function ScreenSwitch({ route }: { route: Route }) {
  switch (route.name) {
    case 'sale':
      return <SaleScreen />;
    case 'pay':
      return <PayScreen />;
    case 'receipt':
      return <ReceiptScreen id={route.id} />;
    case 'receipts':
      return <ReceiptsScreen />;
    case 'refund':
      return <RefundScreen receiptId={route.id} />;
    case 'customers':
      return <CustomersScreen />;
    case 'lists':
      return <ListsScreen list={route.list} />;
    case 'shift':
      return <ShiftScreen />;
    case 'data-update':
      return <DataUpdateScreen />;
    case 'backup':
      return <BackupScreen />;
    case 'organizations':
      return <OrganizationsScreen />;
    case 'restore':
      return <RestoreWizard />;
    case 'settings':
      return <SettingsScreen section={route.section} />;
  }
}
