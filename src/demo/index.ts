// The shared demo shop generator (`@demo`): model records only, used by the server and the till.
export * from './generate';
