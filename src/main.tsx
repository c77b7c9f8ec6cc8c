// Entry of the till: languages, then the app shell.
import '@model/zodConfig'; // first: zod without `new Function` (the page's CSP)
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initI18n } from './app/i18n/setup';
import { App } from './app/App';
import './app/styles.css';

initI18n();
const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
