// Shared settings of the fuzz tests: one fixed seed by default (reproducible in CI), overridden
// with FUZZ_SEED=<integer>; fast-check prints the seed and the shrunk counterexample on failure.
import fc from 'fast-check';

export const FUZZ_SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : 20_261_123;
if (!Number.isSafeInteger(FUZZ_SEED)) throw new Error(`FUZZ_SEED must be an integer, got ${process.env.FUZZ_SEED}`);

/** fast-check parameters: the fixed seed, `numRuns`, and regression examples kept in the test. */
export function fuzzParams<T>(numRuns: number, examples: T[] = []): fc.Parameters<T> {
  return { seed: FUZZ_SEED, numRuns, examples };
}

/** Unhandled promise rejections during a fuzz run fail it (besides vitest's own report). */
export function watchUnhandled(): { errors: unknown[]; stop(): void } {
  const errors: unknown[] = [];
  const onRejection = (reason: unknown) => errors.push(reason);
  const onException = (error: unknown) => errors.push(error);
  process.on('unhandledRejection', onRejection);
  process.on('uncaughtException', onException);
  return {
    errors,
    stop() {
      process.off('unhandledRejection', onRejection);
      process.off('uncaughtException', onException);
    },
  };
}

/** Every JSON path of a value (objects and arrays), the root included as []. */
export function jsonPaths(value: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(prefix);
  if (Array.isArray(value)) value.forEach((v, i) => jsonPaths(v, [...prefix, i], out));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) jsonPaths(v, [...prefix, k], out);
  return out;
}

/** A copy of `value` with the node at `path` replaced (or removed when `replacement` is REMOVE). */
export const REMOVE = Symbol('remove');
export function replaceAt(value: unknown, path: readonly (string | number)[], replacement: unknown): unknown {
  if (path.length === 0) return replacement === REMOVE ? undefined : replacement;
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  if (Array.isArray(value)) {
    const copy = value.slice();
    if (rest.length === 0 && replacement === REMOVE) copy.splice(Number(head), 1);
    else copy[Number(head)] = replaceAt(copy[Number(head)], rest, replacement);
    return copy;
  }
  const copy = { ...(value as Record<string, unknown>) };
  if (rest.length === 0 && replacement === REMOVE) delete copy[head];
  else copy[head] = replaceAt(copy[head], rest, replacement);
  return copy;
}

/** Deeply nested JSON text (arrays or objects), `depth` levels. */
export function deepJson(depth: number, kind: 'array' | 'object'): string {
  return kind === 'array' ? '['.repeat(depth) + ']'.repeat(depth) : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
}

/** Values of the wrong type (or out of range) for nearly any field of the protocol's schemas. */
export const wrongValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(null, true, false, 0, -1, 1.5, -0, 1e308, -1e308, 2 ** 53, -(2 ** 63), '', ' ', '\u0000', '\ud800', 'x'.repeat(5000), [], {}, [null], { id: 1 }),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.string({ maxLength: 80 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.array(fc.oneof(fc.integer(), fc.string({ maxLength: 10 })), { maxLength: 5 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.oneof(fc.integer(), fc.string({ maxLength: 10 }), fc.constant(null)), { maxKeys: 4 }),
  fc.constantFrom(JSON.parse(deepJson(200, 'array')) as unknown, JSON.parse(deepJson(200, 'object')) as unknown),
);

/** A valid example with one node replaced by a wrong value, removed, or given an unknown sibling. */
export function mutatedJson(valid: unknown): fc.Arbitrary<unknown> {
  const paths = jsonPaths(valid);
  return fc.tuple(fc.constantFrom(...paths), fc.oneof({ weight: 6, arbitrary: wrongValue }, { weight: 2, arbitrary: fc.constant<unknown>(REMOVE) }))
    .map(([path, replacement]) => replaceAt(valid, path, replacement));
}
