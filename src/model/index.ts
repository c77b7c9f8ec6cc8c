// The shared record model: what the till, the service worker, the admin page and the server agree
// on. It imports only zod (lint enforces it); everything else imports it as `@model`.
export * from './entities';
export * from './protocol';
export * from './kinds';
export * from './money';
export * from './clock';
export * from './result';
export * from './pin';
