// The type of a feature's strings in a language other than English: the English object with every
// leaf widened to string, so a missing or a stray key fails the type check. Plural keys may add the
// forms English lacks (lines_one / lines_other in English allow lines_few, lines_many… elsewhere).
type PluralForm = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';
type PluralBase<K> = K extends `${infer Base}_${'one' | 'other'}` ? Base : never;

export type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> } & {
  [K in `${PluralBase<keyof T & string>}_${PluralForm}`]?: string;
};

/** Whether a code that comes from outside (a service's reason, a stored method name) has a string
 * in `dictionary`: narrows it so a template key like t(`sync.reason.${code}`) type-checks. */
export function isKeyOf<T extends object>(dictionary: T, code: string): code is Extract<keyof T, string> {
  return Object.hasOwn(dictionary, code);
}
