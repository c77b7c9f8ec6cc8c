// Maps a route to its screen. Every menu entry of SCREENS.md lands on a real screen here.
import type { Route } from '../../app/router';
import { SaleScreen } from './sale/SaleScreen';
import { PayScreen } from './pay/PayScreen';
import { ReceiptScreen } from './receipts/ReceiptScreen';
import { ReceiptsScreen } from './receipts/ReceiptsScreen';
import { RefundScreen } from './receipts/RefundScreen';
import { CustomersScreen } from './customers/CustomersScreen';
import { ListsScreen } from './lists/ListsScreen';
import { ShiftScreen } from './shift/ShiftScreen';
import { SettingsScreen } from './SettingsScreen';
import { DataUpdateScreen } from '../../sync/ui/DataUpdateScreen';
import { BackupScreen } from '../../backup/ui/BackupScreen';
import { OrganizationsScreen } from '../../backup/ui/OrganizationsScreen';
import { RestoreWizard } from '../../backup/ui/RestoreWizard';

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
