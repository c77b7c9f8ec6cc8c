// End-to-end tests: real headless Chromium (Debian's) driving the built till and the real back office.
import { defineConfig } from 'vitest/config';
import { aliases } from './aliases';

import pkg from './package.json' with { type: 'json' };

export default defineConfig({
  resolve: { alias: aliases },
  define: { __APP_VERSION__: JSON.stringify(pkg.version) }, // APP_VERSION (src/sync/ui/appVersion.ts)
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    testTimeout: 180_000,
    hookTimeout: 180_000,
    fileParallelism: false,
    pool: 'forks',
  },
});
