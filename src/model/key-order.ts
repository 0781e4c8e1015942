/**
 * The written order of a mapping's keys, where a JS object would lose it: objects list integer-like keys
 * (`80`, `1`) first. Carried as a hidden property so the data stays plain objects.
 */
const ORDER = Symbol.for('maestro.keyOrder')

const INTEGER_LIKE = /^(?:0|[1-9]\d*)$/

/** Records `keys` as the order of `obj` when JS would reorder them; returns `obj`. */
export function withKeyOrder<T extends object>(obj: T, keys: readonly string[]): T {
  if (keys.some((k) => INTEGER_LIKE.test(k))) Object.defineProperty(obj, ORDER, {value: [...keys], enumerable: false, configurable: true})
  return obj
}

/** `Object.entries` in the written order. */
export function orderedEntries<V>(obj: Readonly<Record<string, V>>): Array<[string, V]> {
  const order = (obj as {readonly [ORDER]?: readonly string[]})[ORDER]
  return order ? order.filter((k) => Object.hasOwn(obj, k)).map((k) => [k, obj[k]]) : Object.entries(obj)
}

/** `Object.keys` in the written order. */
export const orderedKeys = (obj: Readonly<Record<string, unknown>>): string[] => orderedEntries(obj).map(([k]) => k)

/** `Object.values` in the written order. */
export const orderedValues = <V>(obj: Readonly<Record<string, V>>): V[] => orderedEntries(obj).map(([, v]) => v)
