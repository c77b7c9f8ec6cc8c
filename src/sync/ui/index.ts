// The sync feature's public entry: the "Mise à jour des données" screen, the Connection settings
// page, the antenna beside the operator, and the widgets other features put on their screens
// (Refresh on every list, connecting a till from the welcome screen).
import { createElement } from 'react';
import type { Feature } from '../../ui/feature';
import { DataUpdateScreen } from './DataUpdateScreen';
import { ConnectionSettings } from './ConnectionSettings';
import { Antenna } from './Antenna';

declare module '../../ui/routing' {
  interface Routes {
    'data-update': null;
  }
}

export const syncFeature: Feature = {
  screens: [{ name: 'data-update', render: () => createElement(DataUpdateScreen), menu: [{ group: 'data', order: 10, label: (t) => t('menu.dataUpdate') }] }],
  settings: [{ id: 'connection', order: 10, right: 'settings', title: (t) => t('settings.connection.title'), render: () => createElement(ConnectionSettings) }],
  topBar: [{ slot: 'operator', Component: Antenna }],
};

export { RefreshButton } from './RefreshButton';
export { ConnectTill } from './ConnectTill';
export { notifyOutbox } from './notify';
