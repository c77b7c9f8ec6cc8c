// Lint: TypeScript recommended rules, plus the boundary that keeps the pure cores pure
// (no React, Dexie, rxjs, browser globals or clock reads in src/*/domain, engine and format).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';

const pureImports = {
  patterns: [
    { group: ['react', 'react-dom', 'react-*', 'dexie', 'dexie-*', 'rxjs', 'rxjs/*', '@tanstack/*', 'workbox-*', 'i18next', 'msw', 'msw/*'], message: 'The pure core takes its dependencies as parameters.' },
    { group: ['**/db/*', '**/ui/*', '**/app/*', '**/host/*'], message: 'The pure core must not reach into adapters.' },
  ],
};

export default tseslint.config(
  { ignores: ['dist/**', 'dev-dist/**', 'node_modules/**', 'coverage/**', '.data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-empty': ['error', { allowEmptyCatch: false }],
    },
  },
  {
    files: ['src/pos/domain/**/*.ts'],
    ignores: ['**/*.test.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': ['error', { ...pureImports, patterns: [...pureImports.patterns, { group: ['zod'], message: 'The domain has no dependencies.' }] }],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'fetch', 'localStorage', 'indexedDB', 'crypto'],
      'no-restricted-properties': ['error', { object: 'Date', property: 'now', message: 'Take `now` as a parameter.' }],
    },
  },
  {
    // The shared model imports zod and nothing else: the till, the service worker, the admin page
    // and the server all build on it.
    files: ['src/model/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: '^(?!zod$|\\./)', message: 'src/model imports only zod and itself.' }] }],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'fetch', 'localStorage', 'indexedDB'],
    },
  },
  {
    // The demo generator builds model records and nothing else: the server and the till both
    // use it, so it imports @model and itself only (no Dexie, no server code).
    files: ['src/demo/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: '^(?!@model$|\\./)', message: 'src/demo imports only @model and itself.' }] }],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'fetch', 'localStorage', 'indexedDB'],
      'no-restricted-properties': ['error', { object: 'Date', property: 'now', message: 'Take `now` as an option.' }],
    },
  },
  {
    files: ['src/sync/engine/**/*.ts', 'src/backup/format/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['react', 'react-dom', 'react-*', 'dexie', 'dexie-*', 'rxjs', '@tanstack/*', 'i18next'], message: 'Engines take their dependencies as parameters.' }, { group: ['**/ui/*', '**/app/*'], message: 'Engines must not reach into the UI.' }] }],
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage'],
      'no-restricted-properties': ['error', { object: 'Date', property: 'now', message: 'Use the injected clock.' }],
    },
  },
);
