import {isPlainObject} from './python-values.js'

/** nunjucks passes keyword arguments (`f(a, name=x)`) as a trailing object marked `__keywords`. */
type Kwargs = Record<string, unknown> & {__keywords?: boolean}

export function splitKeywords(args: readonly unknown[]): [unknown[], Record<string, unknown>] {
  const last = args.at(-1) as Kwargs | undefined
  if (!isPlainObject(last) || !last.__keywords) return [[...args], {}]
  const {__keywords: _, ...kw} = last
  return [args.slice(0, -1), kw]
}

/** `dict(a=1)` / `namespace(n=0)`: the keyword arguments as a plain object. */
export const keywordObject = (...args: unknown[]): Record<string, unknown> => splitKeywords(args)[1]
