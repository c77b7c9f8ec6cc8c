// The section shown, from the URL hash ("#/tills"), so the page needs no server-side routes
// under /admin/ and the browser's back button works.
import { useSyncExternalStore } from 'react';

export const ROUTES = [
  'dashboard',
  'tills',
  'catalog',
  'prices',
  'import',
  'currencies',
  'clients',
  'operators',
  'parameters',
  'receipts',
  'shifts',
  'security',
] as const;
export type Route = (typeof ROUTES)[number];

export function routeOf(hash: string): Route {
  const name = hash.replace(/^#\/?/, '');
  return ROUTES.find((r) => r === name) ?? 'dashboard';
}

const subscribe = (cb: () => void) => {
  window.addEventListener('hashchange', cb);
  return () => window.removeEventListener('hashchange', cb);
};

export function useHashRoute(): Route {
  return routeOf(useSyncExternalStore(subscribe, () => window.location.hash));
}
