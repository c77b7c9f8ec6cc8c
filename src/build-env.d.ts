// Constants that the build (vite.config.ts, vite.admin.config.ts, the vitest configs, the bench bundler) defines.
/** package.json's "version", set by `define` at build time; absent when code runs unbundled (tsx). */
declare const __APP_VERSION__: string | undefined;
