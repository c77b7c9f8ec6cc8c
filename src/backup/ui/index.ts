// The backup feature's public entry: the daily backup, the organizations list and the restore
// wizard, in the menu's Tools group, and the backup reminder shown above every screen.
import { createElement } from 'react';
import type { Feature } from '../../ui/feature';
import { BackupScreen } from './BackupScreen';
import { OrganizationsScreen } from './OrganizationsScreen';
import { RestoreWizard } from './RestoreWizard';
import { BackupReminder } from './BackupReminder';

declare module '../../ui/routing' {
  interface Routes {
    backup: null;
    organizations: null;
    restore: null;
  }
}

export const backupFeature: Feature = {
  screens: [
    { name: 'backup', render: () => createElement(BackupScreen), menu: [{ group: 'tools', order: 10, label: (t) => t('menu.dailyBackup') }] },
    { name: 'organizations', render: () => createElement(OrganizationsScreen), menu: [{ group: 'tools', order: 20, label: (t) => t('menu.organizations') }] },
    { name: 'restore', render: () => createElement(RestoreWizard), menu: [{ group: 'tools', order: 30, label: (t) => t('menu.restore') }] },
  ],
  banners: [BackupReminder],
};
