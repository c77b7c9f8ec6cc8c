// The till's version, sent with each pairing and shown in the back office's till list.
// Kept in step with package.json's "version" (a constant: the service worker imports it too).
export const APP_VERSION = '0.1.0';
