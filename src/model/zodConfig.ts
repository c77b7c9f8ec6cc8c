// Imported first by every browser entry (the till, the admin page, the service worker): zod's
// object parser compiles itself with `new Function` unless told not to, and probing for that
// under the pages' Content-Security-Policy (script-src 'self', no 'unsafe-eval') reports a
// `securitypolicyviolation` even though the probe's failure is caught. The compiled parser could
// not run under that policy anyway, so jitless costs nothing. Read when each schema is built:
// this module must be evaluated before any module that defines one.
import { z } from 'zod';

z.config({ jitless: true });
