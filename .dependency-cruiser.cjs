// The layers of the project, checked on every `npm run lint` (so `npm test` fails on an upward
// import). docs/architecture.md explains them; `npm run arch` redraws its diagram from the code.
//
//   src/model   the shared record model (zod only)              ← everyone
//   src/db      the till's Dexie schema, outbox, organizations  ← model
//   src/ui      the shared UI kit and the Feature contract       ← model, db
//   src/pos, src/sync, src/backup   features                     ← model, db, ui, demo, itself,
//                                   other features through their index.ts / ui/index.ts only
//   src/app     the shell; src/main.tsx, src/sw.ts the entries   ← the above, features through public entries
//   src/admin   the admin page                                   ← model, src/ui/format.ts and widen.ts
//   src/i18next.d.ts   the typed keys of both i18next instances    (type glue: may name every string table)
//   src/demo    the shared demo generator                        ← model
//   server/     the back office                                  ← model, demo
//
// Tests (*.test.ts(x), tests/, testing helpers) may import anything, except that nothing under
// server/ — tests included — may import the till.

/** Test files and test helpers: left out of the layer rules. */
const TESTS = '(^src/i18next[.]d[.]ts$|^tests/|[.]test[.]tsx?$|/testing/|/testing[.]tsx?$|[sS]creensTesting[.]tsx?$|/test-fixtures[.]ts$)';
const FEATURES = '(pos|sync|backup)';
/** A feature's public entries: its non-UI `index.ts`, its `ui/index.ts` and its strings' `i18n/index.ts`. */
const PUBLIC_ENTRY = `^src/${FEATURES}/(ui/|i18n/)?index[.]tsx?$`;
/** Anything of the project (as opposed to npm packages and node built-ins). */
const PROJECT = '^(src|server)/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'model-is-self-contained',
      severity: 'error',
      comment: 'src/model is shared by the till, the service worker, the admin page and the server: it imports only itself and zod.',
      from: { path: '^src/model/', pathNot: TESTS },
      to: { pathNot: ['^src/model/', '^node_modules/zod/'] },
    },
    {
      name: 'db-on-model-only',
      severity: 'error',
      comment: "src/db (the till's storage) builds on src/model alone.",
      from: { path: '^src/db/', pathNot: TESTS },
      to: { path: PROJECT, pathNot: '^src/(db|model)/' },
    },
    {
      name: 'ui-kit-on-model-and-db-only',
      severity: 'error',
      comment: 'src/ui (the shared UI kit) builds on src/model and src/db; it knows no feature, the shell or the admin page.',
      from: { path: '^src/ui/', pathNot: TESTS },
      to: { path: PROJECT, pathNot: '^src/(ui|model|db)/' },
    },
    {
      name: 'feature-layers',
      severity: 'error',
      comment: 'A feature builds on src/model, src/db, src/ui, src/demo, itself and other features; never the shell (src/app, the entries), the admin page or the server.',
      from: { path: `^src/${FEATURES}/`, pathNot: TESTS },
      to: { path: PROJECT, pathNot: `^src/(model|db|ui|demo|${FEATURES.slice(1, -1)})/` },
    },
    {
      name: 'feature-to-feature-through-public-entries',
      severity: 'error',
      comment: "A feature uses another feature only through that feature's index.ts or ui/index.ts.",
      from: { path: `^src/${FEATURES}/`, pathNot: TESTS },
      to: { path: `^src/${FEATURES}/`, pathNot: ['^src/$1/', PUBLIC_ENTRY] },
    },
    {
      name: 'shell-layers',
      severity: 'error',
      comment: 'The shell (src/app) builds on src/model, src/db, src/ui and the features’ public entries (screens, strings).',
      from: { path: '^src/app/', pathNot: TESTS },
      to: { path: PROJECT, pathNot: ['^src/(app|model|db|ui)/', PUBLIC_ENTRY] },
    },
    {
      name: 'entries-use-public-entries',
      severity: 'error',
      comment: 'The till entry (src/main.tsx) and the service worker (src/sw.ts) use features only through their public entries, and never the admin page or the server.',
      from: { path: '^src/(main|sw)[.]tsx?$' },
      to: { path: PROJECT, pathNot: ['^src/(app|model|db|ui)/', PUBLIC_ENTRY] },
    },
    {
      name: 'admin-on-model-and-pure-ui-helpers',
      severity: 'error',
      comment: "The admin page builds on src/model and src/ui's pure helpers (format.ts, widen.ts); never the till's features or db.",
      from: { path: '^src/admin/', pathNot: TESTS },
      to: { path: PROJECT, pathNot: ['^src/(admin|model)/', '^src/ui/(format|widen)[.]ts$'] },
    },
    {
      name: 'demo-on-model-only',
      severity: 'error',
      comment: 'The shared demo generator (src/demo) is used by the till and the server: it builds on src/model alone.',
      from: { path: '^src/demo/', pathNot: TESTS },
      to: { path: PROJECT, pathNot: '^src/(demo|model)/' },
    },
    {
      name: 'server-never-imports-the-till',
      severity: 'error',
      comment: 'The back office (tests included) builds on server/, src/model and src/demo; never on the till.',
      from: { path: '^server/' },
      to: { path: '^src/', pathNot: '^src/(model|demo)/' },
    },
    {
      name: 'till-never-imports-the-server',
      severity: 'error',
      comment:
        'Nothing under src/ (tests included) imports the back office, except the one bridge that runs the real back office (createApp on PGlite) behind msw for the sync tests: src/sync/testing/testBackOffice.ts.',
      from: { path: '^src/', pathNot: '^src/sync/testing/testBackOffice[.]ts$' },
      to: { path: '^server/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'No import cycles.',
      from: { pathNot: TESTS },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|dev-dist|coverage)/' },
    tsConfig: { fileName: 'tsconfig.json' },
    // Type-only imports count: a type from a higher layer is an upward dependency too.
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    reporterOptions: {
      text: { highlightFocused: true },
    },
  },
};
