// A hash router: the screens of SCREENS.md as `#/sale`, `#/receipts/ID`… Hash routes keep every
// screen reachable offline from the one precached index.html.
import { useSyncExternalStore } from 'react';

export type Route =
  | { name: 'sale' }
  | { name: 'pay' }
  | { name: 'receipt'; id: string }
  | { name: 'receipts' }
  | { name: 'refund'; id: string | null }
  | { name: 'customers' }
  | { name: 'lists'; list: string }
  | { name: 'shift' }
  | { name: 'data-update' }
  | { name: 'backup' }
  | { name: 'organizations' }
  | { name: 'restore' }
  | { name: 'settings'; section: string };

export function parseRoute(hash: string): Route {
  const [name = '', arg = ''] = hash.replace(/^#\/?/, '').split('/');
  switch (name) {
    case 'pay':
    case 'receipts':
    case 'customers':
    case 'shift':
    case 'data-update':
    case 'backup':
    case 'organizations':
    case 'restore':
      return { name };
    case 'receipt':
      return arg ? { name: 'receipt', id: decodeURIComponent(arg) } : { name: 'receipts' };
    case 'refund':
      return { name: 'refund', id: arg ? decodeURIComponent(arg) : null };
    case 'lists':
      return { name: 'lists', list: arg || 'articles' };
    case 'settings':
      return { name: 'settings', section: arg || 'general' };
    default:
      return { name: 'sale' };
  }
}

export function routeHref(route: Route): string {
  switch (route.name) {
    case 'receipt':
      return `#/receipt/${encodeURIComponent(route.id)}`;
    case 'refund':
      return route.id ? `#/refund/${encodeURIComponent(route.id)}` : '#/refund';
    case 'lists':
      return `#/lists/${route.list}`;
    case 'settings':
      return `#/settings/${route.section}`;
    default:
      return `#/${route.name}`;
  }
}

export function navigate(route: Route): void {
  window.location.hash = routeHref(route);
}

function subscribe(cb: () => void): () => void {
  window.addEventListener('hashchange', cb);
  return () => window.removeEventListener('hashchange', cb);
}

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseRoute(hash);
}
