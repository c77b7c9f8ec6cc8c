// The till's version, sent with each pairing and shown in the back office's till list. The build
// defines it from package.json's "version" (vite.config.ts, vitest configs); code run without the
// build's define (tsx) says so rather than claim a version.
export const APP_VERSION: string = typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : '0.0.0-unbuilt';
