// The frame of every screen once logged in: top bar (shop, shift, operator with the sync antenna,
// menu) and the routed screen. Landscape tablet first; the menu folds into a drawer in portrait.
// Everything in it but the lock and the menu button comes from the features' entries.
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp, useSession } from '../ui/AppContext';
import { routeHref, useLocation } from '../ui/routing';
import { ErrorBoundary } from '../ui/ErrorBoundary';
import { MENU_GROUPS, type MenuGroup } from '../ui/feature';
import { FEATURES, SETTINGS_SECTIONS } from './features';
import { ScreenSwitch } from './ScreenSwitch';

interface MenuItem {
  href: string;
  label: string;
  order: number;
}

export function Frame() {
  const { t } = useTranslation();
  const { lock } = useApp();
  const { operator } = useSession();
  const location = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);

  const items = new Map<MenuGroup, MenuItem[]>(MENU_GROUPS.map((g) => [g, []]));
  for (const screen of FEATURES.flatMap((f) => f.screens ?? [])) {
    for (const entry of screen.menu ?? []) {
      items.get(entry.group)?.push({ href: routeHref({ name: screen.name, arg: entry.arg ?? null }), label: entry.label(t), order: entry.order });
    }
  }
  for (const section of SETTINGS_SECTIONS) {
    items.get('settings')?.push({ href: routeHref({ name: 'settings', arg: section.id }), label: section.title(t), order: section.order });
  }
  const widgets = (slot: 'info' | 'operator') =>
    FEATURES.flatMap((f) => f.topBar ?? [])
      .filter((w) => w.slot === slot)
      .map(({ Component }, i) => <Component key={i} />);

  const current = routeHref(location);
  return (
    <div className="frame">
      <header className="topbar">
        <button type="button" className="menu-button" aria-expanded={menuOpen} aria-controls="main-menu" onClick={() => setMenuOpen((o) => !o)}>
          ☰ <span className="sr-only">{t('menu.title')}</span>
        </button>
        {widgets('info')}
        <span className="operator" data-testid="operator-name">
          {operator.name}
          {widgets('operator')}
        </span>
        <button type="button" onClick={lock} className="lock-button">
          {t('menu.lock')}
        </button>
      </header>
      <div className="frame-body">
        <nav id="main-menu" className={menuOpen ? 'menu open' : 'menu'} aria-label={t('menu.title')} onClick={() => setMenuOpen(false)}>
          {MENU_GROUPS.map((group) => {
            const entries = (items.get(group) ?? []).sort((a, b) => a.order - b.order);
            if (entries.length === 0) return null;
            return (
              <MenuGroupSection key={group} title={t(`menu.${group}`)}>
                {entries.map((item) => (
                  <a key={item.href} href={item.href} aria-current={current === item.href ? 'page' : undefined}>
                    {item.label}
                  </a>
                ))}
              </MenuGroupSection>
            );
          })}
        </nav>
        <main className="screen">
          {FEATURES.flatMap((f) => f.banners ?? []).map((Banner, i) => (
            <ErrorBoundary key={i}>
              <Banner />
            </ErrorBoundary>
          ))}
          <ScreenSwitch />
        </main>
      </div>
    </div>
  );
}

function MenuGroupSection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="menu-group">
      <h2>{title}</h2>
      {children}
    </section>
  );
}

