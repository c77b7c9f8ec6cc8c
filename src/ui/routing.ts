// A hash router: every screen is `#/name` or `#/name/arg` (`#/sale`, `#/receipt/ID`). Hash routes
// keep every screen reachable offline from the one precached index.html.
//
// The route names are not listed here: each feature declares its own by augmenting `Routes`
// (name → the type of its argument, `null` for none) next to the screens it exports, and the app
// shell maps them to those screens. So a new screen touches only its feature.
import { useSyncExternalStore } from 'react';

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by module augmentation
export interface Routes {}

export type RouteName = keyof Routes & string;

/** A typed route: `{ name: 'receipt', arg: id }`, `{ name: 'sale' }`. */
export type Route = {
  [K in RouteName]: Routes[K] extends null ? { name: K; arg?: null } : null extends Routes[K] ? { name: K; arg?: Routes[K] } : { name: K; arg: Routes[K] };
}[RouteName];

/** What the address bar says, before the app knows whether a screen has that name. */
export interface Location {
  name: string;
  arg: string | null;
}

export function parseRoute(hash: string): Location {
  const [name = '', ...rest] = hash.replace(/^#\/?/, '').split('/');
  const arg = rest.join('/');
  let decoded: string | null;
  try {
    decoded = arg ? decodeURIComponent(arg) : null;
  } catch {
    decoded = null; // a damaged link opens the screen without its argument
  }
  return { name, arg: decoded };
}

export function routeHref(route: Route | Location): string {
  const arg = 'arg' in route ? route.arg : null;
  return arg ? `#/${route.name}/${encodeURIComponent(arg)}` : `#/${route.name}`;
}

export function navigate(route: Route): void {
  window.location.hash = routeHref(route);
}

function subscribe(cb: () => void): () => void {
  window.addEventListener('hashchange', cb);
  return () => window.removeEventListener('hashchange', cb);
}

export function useLocation(): Location {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseRoute(hash);
}
