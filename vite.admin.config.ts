// Builds the back office's admin page (server/admin-ui) into dist/admin, served by server/ at
// /admin/. In development (`npx vite -c vite.admin.config.ts`) /api goes to the back office.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import pkg from './package.json' with { type: 'json' };

export default defineConfig({
  root: 'server/admin-ui',
  base: '/admin/',
  define: { __APP_VERSION__: JSON.stringify(pkg.version) }, // APP_VERSION (src/sync/ui/appVersion.ts)
  plugins: [react()],
  build: {
    outDir: '../../dist/admin',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
  },
  server: {
    port: 5174,
    proxy: { '/api': 'http://localhost:8787' },
  },
});
