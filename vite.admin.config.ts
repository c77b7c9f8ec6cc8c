// Builds the back office's admin page (src/admin) into dist/admin, served by server/ at
// /admin/. In development (`npx vite -c vite.admin.config.ts`) /api goes to the back office.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { aliases } from './aliases';
import pkg from './package.json' with { type: 'json' };

export default defineConfig({
  resolve: { alias: aliases },
  root: 'src/admin',
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
