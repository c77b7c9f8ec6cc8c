// The one shape of an expected outcome: a value, or a failure with a stable `reason` that the UI
// translates. Failures are values, never exceptions; exceptions are for bugs.
export type Failure<R extends string = string, X extends object = object> = { ok: false; reason: R; detail?: string } & X;
export type Result<T, R extends string = string, X extends object = object> = { ok: true; value: T } | Failure<R, X>;

export const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });
export const fail = <R extends string>(reason: R, detail?: string): Failure<R> => (detail === undefined ? { ok: false, reason } : { ok: false, reason, detail });
