// Unit, storage, engine and server tests (node; fake-indexeddb for Dexie; msw at the network edge),
// and the fast-check fuzzing in a project of its own: `npm run test:unit` runs every project but
// fuzz, `npm run test:fuzz` (or `npx vitest run --project fuzz`) runs fuzz alone, `npm test` both.
import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';
import { aliases } from './aliases';

import pkg from './package.json' with { type: 'json' };

const shared: NonNullable<TestProjectInlineConfiguration['test']> = {
  environment: 'node',
  setupFiles: ['tests/setup/fake-indexeddb.ts'],
  testTimeout: 30_000,
  hookTimeout: 60_000,
  pool: 'forks',
};

// `extends: true`: each project inherits the root's resolve.alias and define.
function project(name: string, include: string[]): TestProjectInlineConfiguration {
  return { extends: true, test: { ...shared, name, include } };
}

export default defineConfig({
  resolve: { alias: aliases },
  define: { __APP_VERSION__: JSON.stringify(pkg.version) }, // APP_VERSION (src/sync/ui/appVersion.ts)
  test: {
    projects: [
      project('unit', ['src/**/*.test.{ts,tsx}', 'tests/unit/**/*.test.{ts,tsx}', 'tests/integration/**/*.test.ts']),
      project('server', ['server/**/*.test.{ts,tsx}']),
      project('conformance', ['tests/conformance/**/*.test.ts']),
      project('fuzz', ['tests/fuzz/**/*.test.ts']),
    ],
  },
});
