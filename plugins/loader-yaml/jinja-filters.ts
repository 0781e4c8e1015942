import type {Environment} from 'nunjucks'
import {pyMod} from './jinja-runtime.js'
import {refuseUnsafeMember} from './jinja-sandbox.js'
import {splitKeywords} from './kwargs.js'
import {isPlainObject, pyIntFilter, pyJson, pyRepr, pyStr} from './python-values.js'

type Filter = (this: unknown, ...args: never[]) => unknown
type JinjaEnvironment = Environment & {addTest(name: string, test: (...args: never[]) => boolean): void}

/** Jinja2 sees a dict as the sequence of its keys. */
const keysOf = (v: unknown): unknown => (isPlainObject(v) ? Object.keys(v) : v)
const toList = (v: unknown): unknown[] => (typeof v === 'string' ? [...v] : Array.isArray(v) ? [...v] : isPlainObject(v) ? Object.keys(v) : [])
const attrOf = (item: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((v, k) => (v === null || v === undefined ? undefined : (v as Record<string | number, unknown>)[refuseUnsafeMember(k)]), item)

/** Jinja2 filters and tests nunjucks lacks or implements with JS semantics. */
export function addJinjaFilters(environment: Environment): void {
  const env = environment as JinjaEnvironment
  const add = (name: string, filter: Filter) => env.addFilter(name, filter as (...args: unknown[]) => unknown)
  const sort = env.getFilter('sort')
  add('string', (v: unknown) => pyStr(v))
  add('int', pyIntFilter)
  add('join', (items: unknown, sep: unknown = '', attr?: string) =>
    toList(items)
      .map((x) => pyStr(attr === undefined ? x : attrOf(x, attr)))
      .join(String(sep)),
  )
  add('sort', function sortKeys(this: unknown, v: unknown, ...rest: unknown[]) {
    return sort.call(this, keysOf(v), ...rest)
  })
  add('list', toList)
  add('count', (v: unknown) => toList(v).length)
  add('items', (v: unknown) => (isPlainObject(v) ? Object.entries(v) : []))
  add('unique', (v: unknown) => [...new Set(toList(v))])
  add('min', (v: unknown) => toList(v).reduce((a, b) => ((b as number) < (a as number) ? b : a)))
  add('max', (v: unknown) => toList(v).reduce((a, b) => ((b as number) > (a as number) ? b : a)))
  add('attr', (v: unknown, name: string) => attrOf(v, name))
  add('tojson', (v: unknown) => pyJson(v))
  add('pprint', (v: unknown) => pyRepr(v))
  add('format', (fmt: unknown, ...args: unknown[]) => {
    const [positional, kw] = splitKeywords(args)
    return pyMod(String(fmt), Object.keys(kw).length > 0 ? kw : positional)
  })
  add('map', function map(this: unknown, v: unknown, ...args: unknown[]) {
    const [positional, kw] = splitKeywords(args)
    const items = toList(v)
    if (typeof kw.attribute === 'string') return items.map((x) => attrOf(x, kw.attribute as string) ?? kw.default)
    const [name, ...rest] = positional as [string, ...unknown[]]
    const filter = env.getFilter(name)
    return items.map((x) => filter.call(this, x, ...rest))
  })
  env.addTest('none', (v: unknown) => v === null)
  env.addTest('boolean', (v: unknown) => typeof v === 'boolean')
  env.addTest('true', (v: unknown) => v === true)
  env.addTest('false', (v: unknown) => v === false)
  env.addTest('integer', (v: unknown) => Number.isInteger(v))
  env.addTest('float', (v: unknown) => typeof v === 'number' && !Number.isInteger(v))
  env.addTest('sequence', (v: unknown) => typeof v === 'string' || Array.isArray(v) || isPlainObject(v))
}
