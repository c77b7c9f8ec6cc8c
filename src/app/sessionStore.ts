// Keeps the logged-in operator across a reload of the tab (not across closing it): a reload in
// the middle of a sale must not throw the cashier out. Closing the tab asks for the PIN again.
import type { Session } from '../ui/AppContext';

const KEY = 'pos.session';

export function loadSession(): Session | null {
  try {
    const raw = sessionStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as Session) : null;
  } catch {
    return null; // unreadable: treat as logged out
  }
}

export function saveSession(session: Session | null): void {
  if (session) sessionStorage.setItem(KEY, JSON.stringify(session));
  else sessionStorage.removeItem(KEY);
}
