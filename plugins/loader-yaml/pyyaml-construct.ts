/**
 * PyYAML's SafeConstructor for ints, floats and timestamps (constructor.py), step for step, with Python's
 * own `int()`/`float()`/`datetime` rules where it calls them. Each throws `PyValueError` with Python's
 * message where PyYAML raises (MaestroNG then stops with a traceback; Maestro reports the file location).
 */
export class PyValueError extends Error {}

const PREFIX: Record<number, RegExp> = {2: /^0[bB]/, 8: /^0[oO]/, 16: /^0[xX]/}
const DIGITS: Record<number, RegExp> = {2: /^[01]+$/, 8: /^[0-7]+$/, 10: /^[0-9]+$/, 16: /^[0-9a-fA-F]+$/}
const RADIX: Record<number, string> = {2: '0b', 8: '0o', 10: '', 16: '0x'}

/** Python `int(text, base)` (PyYAML has already removed underscores). */
function pythonInt(text: string, base: 2 | 8 | 10 | 16): bigint {
  let v = text.trim()
  let negative = false
  if (v.startsWith('-') || v.startsWith('+')) [negative, v] = [v.startsWith('-'), v.slice(1)]
  if (base !== 10) v = v.replace(PREFIX[base], '')
  if (!DIGITS[base].test(v)) throw new PyValueError(`invalid literal for int() with base ${base}: '${text}'`)
  const n = BigInt(`${RADIX[base]}${v}`)
  return negative ? -n : n
}

const FLOAT_TEXT = /^[-+]?(?:(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:e[-+]?[0-9]+)?|inf|infinity|nan)$/

/** Python `float(text)` on lower-cased text. */
function pythonFloat(text: string): number {
  const v = text.trim()
  if (!FLOAT_TEXT.test(v)) throw new PyValueError(`could not convert string to float: '${text}'`)
  const body = v.replace(/^[-+]/, '')
  const sign = v.startsWith('-') ? -1 : 1
  if (body === 'nan') return NaN
  if (body.startsWith('inf')) return sign * Infinity
  return Number(v)
}

function splitSign(text: string): [sign: -1 | 1, rest: string] {
  if (text === '') throw new PyValueError('string index out of range')
  if (text.startsWith('-')) return [-1, text.slice(1)]
  return [1, text.startsWith('+') ? text.slice(1) : text]
}

/** construct_yaml_int: `0b`, `0x`, leading-zero octal, base 60 (`1:30`), decimal. */
export function constructInt(text: string): bigint {
  const [sign, v] = splitSign(text.replace(/_/g, ''))
  const s = BigInt(sign)
  if (v === '0') return 0n
  if (v.startsWith('0b')) return s * pythonInt(v.slice(2), 2)
  if (v.startsWith('0x')) return s * pythonInt(v.slice(2), 16)
  if (v.startsWith('0')) return s * pythonInt(v, 8)
  if (v.includes(':')) {
    let [value, base] = [0n, 1n]
    for (const digit of v.split(':').reverse()) [value, base] = [value + pythonInt(digit, 10) * base, base * 60n]
    return s * value
  }
  return s * pythonInt(v, 10)
}

/** construct_yaml_float: `.inf`, `.nan`, base 60 summed in floats from the last digit up, else float(). */
export function constructFloat(text: string): number {
  const [sign, v] = splitSign(text.replace(/_/g, '').toLowerCase())
  if (v === '.inf') return sign * Infinity
  if (v === '.nan') return NaN
  if (v.includes(':')) {
    let [value, base] = [0, 1]
    for (const digit of v.split(':').reverse()) [value, base] = [value + pythonFloat(digit) * base, base * 60]
    return sign * value
  }
  return sign * pythonFloat(v)
}

/** The implicit resolver's timestamp (resolver.py): a date needs two-digit month and day; a time may shorten them. */
export const IMPLICIT_TIMESTAMP =
  /^(?:[0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?)$/
/** The constructor's timestamp_regexp, which `!!timestamp` text must match. */
const TIMESTAMP =
  /^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:(?:[Tt]|[ \t]+)([0-9]{1,2}):([0-9]{2}):([0-9]{2})(?:\.([0-9]*))?(?:[ \t]*(Z|([-+])([0-9]{1,2})(?::([0-9]{2}))?))?)?$/

const two = (n: number): string => String(n).padStart(2, '0')
const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
const leap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0

function checkRange(value: number, low: number, high: number, what: string): void {
  if (value < low || value > high) throw new PyValueError(`${what} must be in ${low}..${high}`)
}

/** construct_yaml_timestamp then Python's `str()` of the date or datetime, e.g. `2001-12-14 21:59:43.100000-05:00`. */
export function constructTimestamp(text: string): string {
  const m = TIMESTAMP.exec(text)
  if (!m) throw new PyValueError(`not a timestamp: '${text}'`)
  const [, y, mo, d, h, mi, s, fraction, tz, tzSign, tzHour, tzMinute] = m
  const [year, month, day] = [Number(y), Number(mo), Number(d)]
  const offset = tzSign ? Number(tzHour) * 60 + Number(tzMinute ?? 0) : 0
  if (h !== undefined && offset >= 24 * 60)
    throw new PyValueError('offset must be a timedelta strictly between -timedelta(hours=24) and timedelta(hours=24)')
  if (year < 1) throw new PyValueError(`year ${year} is out of range`)
  checkRange(month, 1, 12, 'month')
  if (day < 1 || day > (month === 2 && leap(year) ? 29 : DAYS[month - 1])) throw new PyValueError('day is out of range for month')
  const date = `${y}-${two(month)}-${two(day)}`
  if (h === undefined) return date
  checkRange(Number(h), 0, 23, 'hour')
  checkRange(Number(mi), 0, 59, 'minute')
  checkRange(Number(s), 0, 59, 'second')
  const micros = (fraction ?? '').slice(0, 6).padEnd(6, '0')
  let out = `${date} ${two(Number(h))}:${mi}:${s}${Number(micros) ? `.${micros}` : ''}`
  if (tzSign) out += `${offset && tzSign === '-' ? '-' : '+'}${two(Math.floor(offset / 60))}:${two(offset % 60)}`
  else if (tz) out += '+00:00'
  return out
}
