/** The shape of a strings object with every leaf widened to string: other languages are typed
 * against the English object, so a missing key fails the type check. */
export type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
