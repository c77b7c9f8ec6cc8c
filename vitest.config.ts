// Unit, storage, engine and server tests (node; fake-indexeddb for Dexie; msw at the network edge).
import { defineConfig } from 'vitest/config';
import { aliases } from './aliases';

import pkg from './package.json' with { type: 'json' };

export default defineConfig({
  resolve: { alias: aliases },
  define: { __APP_VERSION__: JSON.stringify(pkg.version) }, // APP_VERSION (src/sync/ui/appVersion.ts)
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'server/**/*.test.{ts,tsx}', 'tests/unit/**/*.test.{ts,tsx}', 'tests/integration/**/*.test.ts', 'tests/conformance/**/*.test.ts', 'tests/fuzz/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['tests/setup/fake-indexeddb.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
