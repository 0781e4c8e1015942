import type {Path, Scope} from './issues.js'

export type RawMap = Readonly<Record<string, unknown>>

export const isMap = (v: unknown): v is RawMap => typeof v === 'object' && v !== null && !Array.isArray(v)

/** Python's str() of a YAML scalar: True/False/None, numbers as written. */
export function pyStr(v: unknown): string {
  if (v === true) return 'True'
  if (v === false) return 'False'
  if (v === null || v === undefined) return 'None'
  return String(v)
}

const isScalar = (v: unknown): v is string | number => typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v))

/** A mapping; null/absent gives `{}`. */
export function readMap(s: Scope, sub: Path, v: unknown): RawMap {
  if (v === undefined || v === null) return {}
  if (isMap(v)) return v
  s.error(sub, `${label(s, sub)} must be a mapping`)
  return {}
}

export function readString(s: Scope, sub: Path, v: unknown): string | undefined {
  if (v === undefined || v === null) return undefined
  if (isScalar(v)) return String(v)
  s.error(sub, `${label(s, sub)} must be a string`)
  return undefined
}

export function readBool(s: Scope, sub: Path, v: unknown, fallback: boolean): boolean {
  if (v === undefined || v === null) return fallback
  if (typeof v === 'boolean') return v
  s.error(sub, `${label(s, sub)} must be true or false`)
  return fallback
}

/** An integer (or a string of digits), at least `min`. */
export function readInt(s: Scope, sub: Path, v: unknown, fallback: number, min = 0, max = Number.MAX_SAFE_INTEGER): number {
  if (v === undefined || v === null) return fallback
  const n = typeof v === 'string' && /^-?\d+$/.test(v.trim()) ? Number(v) : v
  if (typeof n === 'number' && Number.isInteger(n) && n >= min && n <= max) return n
  const range = max === Number.MAX_SAFE_INTEGER ? `>= ${min}` : `between ${min} and ${max}`
  s.error(sub, `${label(s, sub)} must be an integer ${range}, got ${JSON.stringify(v)}`)
  return fallback
}

/** A positive number (int or float). */
export function readNumber(s: Scope, sub: Path, v: unknown, fallback: number): number {
  if (v === undefined || v === null) return fallback
  if (typeof v === 'number' && Number.isFinite(v) && v > 0) return v
  s.error(sub, `${label(s, sub)} must be a positive number, got ${JSON.stringify(v)}`)
  return fallback
}

/** A string or a list of strings; null/absent gives `[]`. */
export function readStringList(s: Scope, sub: Path, v: unknown): string[] {
  if (v === undefined || v === null) return []
  if (isScalar(v)) return [String(v)]
  if (Array.isArray(v)) {
    const out: string[] = []
    v.forEach((item, i) => {
      if (isScalar(item)) out.push(String(item))
      else s.error([...sub, i], `${label(s, sub)} entries must be strings`)
    })
    return out
  }
  s.error(sub, `${label(s, sub)} must be a string or a list of strings`)
  return []
}

/** A map whose values become strings (Python str()). */
export function readStringMap(s: Scope, sub: Path, v: unknown): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [k, val] of Object.entries(readMap(s, sub, v))) {
    if (isMap(val) || Array.isArray(val)) s.error([...sub, k], `${label(s, [...sub, k])} must be a scalar`)
    else out[k] = pyStr(val)
  }
  return out
}

export const label = (s: Scope, sub: Path): string => (sub.length === 0 ? s.label : `'${String(sub[sub.length - 1])}'`)
