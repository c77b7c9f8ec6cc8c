// The path aliases of the project: `@model` is src/model, the shared record model that the till,
// the service worker, the admin page and the server import; `@demo` is src/demo, the one demo
// shop generator (model records only) that the server and the till both use. Neither is reached
// by climbing into src/ from elsewhere. tsconfig.base.json's `paths` says the same for
// TypeScript and tsx.
import { fileURLToPath } from 'node:url';

export const aliases = [
  { find: /^@model(?=\/|$)/, replacement: fileURLToPath(new URL('./src/model', import.meta.url)) },
  { find: /^@demo$/, replacement: fileURLToPath(new URL('./src/demo/index.ts', import.meta.url)) },
];
