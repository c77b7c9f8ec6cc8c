// The frame of every screen once logged in: top bar (shop, shift, operator with the sync antenna,
// menu) and the routed screen. Landscape tablet first; the menu folds into a drawer in portrait.
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp, useSession } from './AppContext';
import { useRoute, routeHref, type Route } from './router';
import { useParameters } from '../pos/ui/hooks/useParameters';
import { useOpenShift } from '../pos/ui/hooks/useOpenShift';
import { Antenna } from '../sync/ui/Antenna';
import { ScreenSwitch } from './ScreenSwitch';
import { BackupReminder } from '../backup/ui/BackupReminder';

interface MenuItem {
  route: Route;
  label: string;
}

export function Frame() {
  const { t } = useTranslation();
  const { lock } = useApp();
  const { operator } = useSession();
  const parameters = useParameters();
  const shift = useOpenShift();
  const route = useRoute();
  const [menuOpen, setMenuOpen] = useState(false);

  const groups: { title: string; items: MenuItem[] }[] = [
    {
      title: t('menu.till'),
      items: [
        { route: { name: 'sale' }, label: t('menu.sale') },
        { route: { name: 'receipts' }, label: t('menu.receipts') },
        { route: { name: 'customers' }, label: t('menu.customers') },
        { route: { name: 'shift' }, label: t('menu.shift') },
      ],
    },
    {
      title: t('menu.lists'),
      items: (['articles', 'prices', 'currencies', 'clients', 'operators'] as const).map((list) => ({
        route: { name: 'lists', list },
        label: t(`lists.${list}`),
      })),
    },
    {
      title: t('menu.data'),
      items: [{ route: { name: 'data-update' }, label: t('menu.dataUpdate') }],
    },
    {
      title: t('menu.tools'),
      items: [
        { route: { name: 'backup' }, label: t('menu.dailyBackup') },
        { route: { name: 'organizations' }, label: t('menu.organizations') },
        { route: { name: 'restore' }, label: t('menu.restore') },
      ],
    },
    {
      title: t('menu.settings'),
      items: (['connection', 'language', 'storage', 'printer'] as const).map((section) => ({
        route: { name: 'settings', section },
        label: t(`settings.${section}.title`),
      })),
    },
  ];

  const current = routeHref(route);
  return (
    <div className="frame">
      <header className="topbar">
        <button type="button" className="menu-button" aria-expanded={menuOpen} aria-controls="main-menu" onClick={() => setMenuOpen((o) => !o)}>
          ☰ <span className="sr-only">{t('menu.title')}</span>
        </button>
        <span className="shop-name">{parameters?.shopName ?? ''}</span>
        <span className={shift ? 'shift-indicator open' : 'shift-indicator'} data-testid="shift-indicator">
          {shift ? t('shift.openNumber', { number: shift.number }) : t('shift.closed')}
        </span>
        <span className="operator" data-testid="operator-name">
          {operator.name}
          <Antenna />
        </span>
        <button type="button" onClick={lock} className="lock-button">
          {t('menu.lock')}
        </button>
      </header>
      <div className="frame-body">
        <nav id="main-menu" className={menuOpen ? 'menu open' : 'menu'} aria-label={t('menu.title')} onClick={() => setMenuOpen(false)}>
          {groups.map((g) => (
            <MenuGroup key={g.title} title={g.title}>
              {g.items.map((item) => {
                const href = routeHref(item.route);
                return (
                  <a key={href} href={href} aria-current={current === href ? 'page' : undefined}>
                    {item.label}
                  </a>
                );
              })}
            </MenuGroup>
          ))}
        </nav>
        <main className="screen">
          <BackupReminder withAction />
          <ScreenSwitch route={route} />
        </main>
      </div>
    </div>
  );
}

function MenuGroup({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="menu-group">
      <h2>{title}</h2>
      {children}
    </section>
  );
}
