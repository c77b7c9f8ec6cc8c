// Entry of the admin page (served by the back office at /admin/).
import '@model/zodConfig'; // first: zod without `new Function` (the page's CSP)
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { createAdminI18n, initialLanguage } from './i18n';
import { AdminProviders } from './Providers';
import { createSession } from './session';
import './styles.css';

const session = createSession(sessionStorage);
const i18n = createAdminI18n(initialLanguage());
const browserFetch = (input: string, init?: RequestInit) => fetch(input, init);
const root = document.getElementById('root');
if (!root) throw new Error('admin page: #root is missing');

createRoot(root).render(
  <StrictMode>
    <AdminProviders session={session} i18n={i18n} fetch={browserFetch}>
      <App />
    </AdminProviders>
  </StrictMode>,
);
