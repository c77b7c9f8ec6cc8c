// Maps the address bar to a feature's screen; an unknown name opens the sale screen. Each screen
// renders inside an ErrorBoundary, so one failing query shows an error with Retry, not a blank till.
import { useLocation } from '../ui/routing';
import { ErrorBoundary } from '../ui/ErrorBoundary';
import { DEFAULT_SCREEN, SCREENS } from './features';

export function ScreenSwitch() {
  const location = useLocation();
  const screen = SCREENS.get(location.name) ?? SCREENS.get(DEFAULT_SCREEN);
  if (!screen) return null;
  const arg = screen.name === location.name ? location.arg : null;
  return <ErrorBoundary resetKey={`${screen.name}/${arg ?? ''}`}>{screen.render(arg)}</ErrorBoundary>;
}
