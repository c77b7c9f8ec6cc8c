// The one path alias of the project: `@model` is src/model, the shared record model that the till,
// the service worker, the admin page and the server import (never by climbing into src/ from
// elsewhere). tsconfig.json's `paths` says the same for TypeScript and tsx.
import { fileURLToPath } from 'node:url';

export const aliases = [{ find: /^@model(?=\/|$)/, replacement: fileURLToPath(new URL('./src/model', import.meta.url)) }];
