// The admin shell: login gate, the "choose a new password" gate after a login with the one-time
// setup secret, header with navigation, language switch and logout, and the current section
// (from the URL hash).
import { useEffect, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { PasswordForm } from './components/PasswordForm';
import { useIsLoggedIn, useLogout, useMe } from './hooks/useAuth';
import { ROUTES, useHashRoute, type Route } from './hooks/useHashRoute';
import { ADMIN_LANGUAGES, rememberLanguage, type AdminLanguage } from './i18n';
import { DashboardPage } from './pages/DashboardPage';
import { ImportPage } from './pages/ImportPage';
import { LoginPage } from './pages/LoginPage';
import { ParametersPage } from './pages/ParametersPage';
import { ReceiptsPage } from './pages/ReceiptsPage';
import { SecurityPage } from './pages/SecurityPage';
import { CatalogPage, ClientsPage, CurrenciesPage, OperatorsPage, PricesPage } from './pages/RecordPages';
import { ShiftReportsPage } from './pages/ShiftReportsPage';
import { TillsPage } from './pages/TillsPage';

const PAGES: Record<Route, () => ReactElement> = {
  dashboard: DashboardPage,
  tills: TillsPage,
  catalog: CatalogPage,
  prices: PricesPage,
  import: ImportPage,
  currencies: CurrenciesPage,
  clients: ClientsPage,
  operators: OperatorsPage,
  parameters: ParametersPage,
  receipts: ReceiptsPage,
  shifts: ShiftReportsPage,
  security: SecurityPage,
};

const LANGUAGE_NAMES: Record<AdminLanguage, string> = { en: 'English', fr: 'Français' };

function LanguageSwitch() {
  const { t, i18n } = useTranslation('admin');
  return (
    <div className="language">
      <label htmlFor="admin-language">{t('app.language')}</label>
      <select
        id="admin-language"
        value={i18n.language}
        onChange={(e) => {
          const lang = e.target.value as AdminLanguage;
          rememberLanguage(lang);
          void i18n.changeLanguage(lang);
        }}
      >
        {ADMIN_LANGUAGES.map((l) => (
          <option key={l} value={l} lang={l}>
            {LANGUAGE_NAMES[l]}
          </option>
        ))}
      </select>
    </div>
  );
}

export function App() {
  const { t, i18n } = useTranslation('admin');
  const loggedIn = useIsLoggedIn();
  const logout = useLogout();
  const me = useMe(loggedIn);
  const route = useHashRoute();
  useEffect(() => {
    document.documentElement.lang = i18n.language;
    document.title = `${t(`nav.${route}`)} · ${t('app.title')}`;
  }, [i18n.language, route, t]);

  if (!loggedIn) {
    return (
      <>
        <header className="topbar">
          <span className="brand">{t('app.title')}</span>
          <LanguageSwitch />
        </header>
        <LoginPage />
      </>
    );
  }
  if (me.data?.mustChangePassword) {
    return (
      <>
        <header className="topbar">
          <span className="brand">{t('app.title')}</span>
          <LanguageSwitch />
          <button type="button" onClick={logout}>
            {t('app.logout')}
          </button>
        </header>
        <main id="main" className="login" aria-labelledby="setup-password-title">
          <h1 id="setup-password-title">{t('password.setupTitle')}</h1>
          <p>{t('password.setupIntro')}</p>
          <PasswordForm setup />
        </main>
      </>
    );
  }
  const Page = PAGES[route];
  return (
    <>
      {/* The hash holds the route, so the skip link moves focus instead of changing the hash. */}
      <a
        className="skip-link"
        href="#main"
        onClick={(e) => {
          e.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        {t('app.skipToContent')}
      </a>
      <header className="topbar">
        <span className="brand">{t('app.title')}</span>
        <LanguageSwitch />
        <button type="button" onClick={logout}>
          {t('app.logout')}
        </button>
      </header>
      <div className="layout">
        <nav className="sidenav" aria-label={t('app.mainNav')}>
          <ul>
            {ROUTES.map((r) => (
              <li key={r}>
                <a href={`#/${r}`} aria-current={r === route ? 'page' : undefined}>
                  {t(`nav.${r}`)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <main id="main" tabIndex={-1}>
          <Page />
        </main>
      </div>
    </>
  );
}
