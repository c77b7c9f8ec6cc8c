// The sync feature's public entry for code that is not UI: the service worker's host, and the
// till's link to its back office (read by sales for the till's identity and by the back-office
// backup medium) through the sync store of an organization's database. Screens and widgets are
// in ./ui/index.ts.
export { installSyncHost, type SyncHostOptions } from './host/sw-host';
export { getLink, getActiveLink, type TillLink } from './engine/link';
export { syncStoreOf } from './dexieStore';
