// The till's pure business core: money, tax, pricing, cart, payment, receipt, shift and rights.
// Everything here is plain TypeScript; time, ids and data come in as arguments.
export * from './money';
export * from './tax';
export * from './pricing';
export * from './cart';
export * from './totals';
export * from './payment';
export * from './receipt';
export * from './shift';
export * from './rights';
