// The service worker: precaches the built till so a cold start works offline, serves navigations
// from the cached index.html, and hosts the background sync engine. Updates wait for the page to
// say so (prompt flow): the till never reloads during an open sale.
/// <reference lib="webworker" />
import '@model/zodConfig'; // first: zod without `new Function` (the worker's CSP)
import { precacheAndRoute, cleanupOutdatedCaches, createHandlerBoundToURL } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { clientsClaim } from 'workbox-core';
import { installSyncHost } from './sync';
import { APP_VERSION } from './ui/appVersion';

declare const self: ServiceWorkerGlobalScope;

cleanupOutdatedCaches();
precacheAndRoute(self.__WB_MANIFEST);
registerRoute(
  new NavigationRoute(createHandlerBoundToURL('index.html'), {
    denylist: [/^\/api\//, /^\/admin(\/|$)/],
  }),
);

self.addEventListener('message', (event) => {
  if (event.data?.type === 'SKIP_WAITING') void self.skipWaiting();
});

// The sync engine: pages' sync requests and Background Sync wake-ups (pos-push).
installSyncHost(self, { appVersion: APP_VERSION });

// The first install takes control at once so the sync engine can run here from the first visit;
// later versions wait in "waiting" until the page accepts the update prompt.
clientsClaim();
