// Chaos suite (npm run test:chaos): real headless Chromium against the real back office process,
// behind a fault proxy; needs the built till (npm run build). Files run one after another.
import { defineConfig } from 'vitest/config';
import { aliases } from './aliases';

import pkg from './package.json' with { type: 'json' };

export default defineConfig({
  resolve: { alias: aliases },
  define: { __APP_VERSION__: JSON.stringify(pkg.version) }, // APP_VERSION (src/sync/ui/appVersion.ts)
  test: {
    include: ['tests/chaos/**/*.chaos.ts'],
    environment: 'node',
    testTimeout: 600_000,
    hookTimeout: 180_000,
    fileParallelism: false,
    pool: 'forks',
  },
});
