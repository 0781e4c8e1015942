import {checkRepeat} from './jinja-bounds.js'
import type {AstNode, Compiler, NunjucksModule} from './nunjucks-internals.js'
import {splitKeywords} from './kwargs.js'
import {isPlainObject, needsPyRendering, pyFormat, pyRepr, pyStr} from './python-values.js'

const strip = (s: string, chars: string | undefined, start: boolean, end: boolean): string => {
  const set = chars ?? ' \t\n\r\f\v'
  let a = 0
  let b = s.length
  while (start && a < b && set.includes(s[a])) a++
  while (end && b > a && set.includes(s[b - 1])) b--
  return s.slice(a, b)
}

/** Python `str` methods that Jinja2 templates call and nunjucks strings lack (or name differently). */
const STRING_MEMBERS: Record<string, (s: string, ...args: unknown[]) => unknown> = {
  format: (s, ...args) => pyFormat(s, ...splitKeywords(args)),
  startswith: (s, p) => (Array.isArray(p) ? p : [p]).some((x) => s.startsWith(String(x))),
  endswith: (s, p) => (Array.isArray(p) ? p : [p]).some((x) => s.endsWith(String(x))),
  strip: (s, c) => strip(s, c as string | undefined, true, true),
  lstrip: (s, c) => strip(s, c as string | undefined, true, false),
  rstrip: (s, c) => strip(s, c as string | undefined, false, true),
  upper: (s) => s.toUpperCase(),
  lower: (s) => s.toLowerCase(),
  title: (s) => s.replace(/\w\S*/g, (w) => w[0].toUpperCase() + w.slice(1).toLowerCase()),
  capitalize: (s) => s.charAt(0).toUpperCase() + s.slice(1).toLowerCase(),
  split: (s, sep, max) => pySplit(s, sep as string | undefined | null, max as number | undefined),
  join: (s, items) => (items as unknown[]).map(pyStr).join(s),
  replace: (s, a, b) => s.split(String(a)).join(String(b)),
  find: (s, sub) => s.indexOf(String(sub)),
  count: (s, sub) => s.split(String(sub)).length - 1,
  isdigit: (s) => /^\d+$/.test(s),
  zfill: (s, w) => s.padStart(Number(w), '0'),
}

function pySplit(s: string, sep: string | undefined | null, max?: number): string[] {
  const limit = max === undefined || max < 0 ? Infinity : max
  if (sep === undefined || sep === null) {
    const parts = s.trim().split(/\s+/).filter((p) => p !== '')
    return limit === Infinity || parts.length <= limit ? parts : [...parts.slice(0, limit), parts.slice(limit).join(' ')]
  }
  const parts = s.split(sep)
  return limit === Infinity || parts.length <= limit + 1 ? parts : [...parts.slice(0, limit), parts.slice(limit).join(sep)]
}

/** Python `+`: lists concatenate. */
export const pyAdd = (a: unknown, b: unknown): unknown =>
  Array.isArray(a) && Array.isArray(b) ? [...a, ...b] : (a as number) + (b as number)

/** Python `*`: a string or list times an integer repeats it. */
export function pyMul(a: unknown, b: unknown): unknown {
  const times = (unit: {length: number}, n: unknown) => {
    const count = Math.max(0, Math.trunc(Number(n)))
    checkRepeat(unit.length, count)
    return count
  }
  if (typeof a === 'string' && typeof b === 'number') return a.repeat(times(a, b))
  if (typeof b === 'string' && typeof a === 'number') return b.repeat(times(b, a))
  if (Array.isArray(a) && typeof b === 'number') return Array.from({length: times(a, b)}, () => a).flat()
  if (Array.isArray(b) && typeof a === 'number') return Array.from({length: times(b, a)}, () => b).flat()
  return (a as number) * (b as number)
}

/** Python `%`: printf-style formatting for strings, floored modulo for numbers. */
export function pyMod(a: unknown, b: unknown): unknown {
  if (typeof a === 'string') {
    const named = b !== null && typeof b === 'object' && !Array.isArray(b) ? (b as Record<string, unknown>) : undefined
    const values = Array.isArray(b) ? [...b] : [b]
    return a.replace(/%(?:\((\w+)\))?([-+ 0#]*\d*(?:\.\d+)?)([sdirf%])/g, (_m, name: string | undefined, flags: string, type: string) => {
      if (type === '%') return '%'
      const v = name !== undefined && named ? named[name] : values.shift()
      if (type === 'r') return pyRepr(v)
      if (type === 'd' || type === 'i') return String(Math.trunc(Number(v)))
      if (type === 'f') return Number(v).toFixed(/\.(\d+)/.exec(flags)?.[1] ? Number(/\.(\d+)/.exec(flags)?.[1]) : 6)
      return pyStr(v)
    })
  }
  const x = Number(a)
  const y = Number(b)
  return ((x % y) + y) % y
}

/**
 * Runtime shims: Python string methods on strings (`'{}'.format(x)`, `.split`, ...), Python rendering of
 * `{{ value }}` (True/False/None, list and dict reprs), `~` and `%` with Python semantics.
 * installJinjaCompat() (installed after this) adds list/dict methods (`append`, `items`, `get`, ...).
 */
export function installJinjaRuntime(nj: NunjucksModule): void {
  const {runtime} = nj
  const memberLookup = runtime.memberLookup
  runtime.memberLookup = function lookup(obj: unknown, val: unknown, autoescape?: boolean): unknown {
    if (typeof obj === 'string' && typeof val === 'string' && Object.hasOwn(STRING_MEMBERS, val)) {
      const method = STRING_MEMBERS[val]
      return (...args: unknown[]) => method(obj, ...args)
    }
    // Python negative indexes count from the end.
    if ((typeof obj === 'string' || Array.isArray(obj)) && typeof val === 'number' && Number.isInteger(val) && val < 0) return obj[obj.length + val]
    return memberLookup.call(this, obj, val, autoescape)
  }
  const suppressValue = runtime.suppressValue
  runtime.suppressValue = (val: unknown, autoescape: boolean) => suppressValue(needsPyRendering(val) ? pyStr(val) : val, autoescape)
  // Jinja2 iterates a dict's keys; nunjucks skips plain objects in single-name loops.
  const fromIterator = runtime.fromIterator as (arr: unknown) => unknown
  runtime.fromIterator = (arr: unknown) => (isPlainObject(arr) ? Object.keys(arr) : fromIterator(arr))
  runtime.maestroPyStr = pyStr
  runtime.maestroPyMod = pyMod
  runtime.maestroPyAdd = pyAdd
  runtime.maestroPyMul = pyMul

  const compiler = nj.compiler.Compiler.prototype
  const binary = (helper: string, joiner: string) =>
    function emit(this: Compiler, node: AstNode & {left: AstNode; right: AstNode}, frame: unknown): void {
      this._emit(`runtime.${helper}(`)
      this.compile(node.left, frame)
      this._emit(joiner)
      this.compile(node.right, frame)
      this._emit(')')
    }
  compiler.compileConcat = function concat(this: Compiler, node: AstNode & {left: AstNode; right: AstNode}, frame: unknown): void {
    this._emit('(runtime.maestroPyStr(')
    this.compile(node.left, frame)
    this._emit(') + runtime.maestroPyStr(')
    this.compile(node.right, frame)
    this._emit('))')
  }
  compiler.compileMod = binary('maestroPyMod', ', ')
  compiler.compileAdd = binary('maestroPyAdd', ', ')
  compiler.compileMul = binary('maestroPyMul', ', ')
}
