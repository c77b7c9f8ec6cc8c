// Builds the till (React) and its service worker (src/sw.ts, injectManifest: the sync engine
// lives there too). In development, /api is proxied to the back office (npm run serve).
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { aliases } from './aliases';
import { VitePWA } from 'vite-plugin-pwa';
import pkg from './package.json' with { type: 'json' };

export default defineConfig({
  resolve: { alias: aliases },
  define: { __APP_VERSION__: JSON.stringify(pkg.version) }, // APP_VERSION (src/sync/ui/appVersion.ts)
  plugins: [
    react(),
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src',
      filename: 'sw.ts',
      registerType: 'prompt',
      injectRegister: false,
      manifest: {
        name: 'Offline POS',
        short_name: 'POS',
        description: 'Offline-first point of sale',
        lang: 'en',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'any',
        background_color: '#f4f5f7',
        theme_color: '#1f4e79',
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'icons/icon-512-maskable.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      injectManifest: {
        globPatterns: ['**/*.{js,css,html,svg,png,ico,webmanifest,woff2}'],
        maximumFileSizeToCacheInBytes: 5 * 1024 * 1024,
      },
      devOptions: { enabled: false, type: 'module' },
    }),
  ],
  build: { target: 'es2022', sourcemap: true },
  worker: { format: 'es' },
  server: {
    proxy: { '/api': 'http://localhost:8787', '/admin': 'http://localhost:8787' },
  },
});
