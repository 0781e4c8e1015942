/** Python `str()` of the values YAML gives env maps (reference §3.3). */
import type {EnvValue} from '../model/types.js'

/**
 * Python's `repr(float)`: shortest round-trip digits, exponent form when the decimal exponent is
 * below -4 or at least 16, always a `.0` on integral values in positional form.
 */
export function pythonFloatRepr(n: number): string {
  if (Number.isNaN(n)) return 'nan'
  if (!Number.isFinite(n)) return n > 0 ? 'inf' : '-inf'
  if (n === 0) return Object.is(n, -0) ? '-0.0' : '0.0'
  const sign = n < 0 ? '-' : ''
  const [mantissa, exp] = Math.abs(n).toExponential().split('e')
  const digits = mantissa.replace('.', '')
  const e = Number(exp)
  if (e < -4 || e >= 16) {
    const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits
    const es = e < 0 ? '-' : '+'
    return `${sign}${m}e${es}${String(Math.abs(e)).padStart(2, '0')}`
  }
  if (e < 0) return `${sign}0.${'0'.repeat(-e - 1)}${digits}`
  const intLen = e + 1
  if (digits.length <= intLen) return `${sign}${digits}${'0'.repeat(intLen - digits.length)}.0`
  return `${sign}${digits.slice(0, intLen)}.${digits.slice(intLen)}`
}

/**
 * A JS number: integral values are Python ints, the rest floats. (The YAML loader already replaces env
 * floats, big ints and timestamps with their Python text, so `1.0` arrives as the string `1.0`.)
 */
export function pythonNumberStr(n: number): string {
  if (Number.isInteger(n)) return Math.abs(n) < 1e21 ? String(n) : BigInt(n).toString()
  return pythonFloatRepr(n)
}

function scalarStr(value: string | number | boolean | null): string {
  if (value === null) return 'None'
  if (typeof value === 'boolean') return value ? 'True' : 'False'
  if (typeof value === 'number') return pythonNumberStr(value)
  return value
}

/**
 * The text a container sees for an env value; `null` (a bare `KEY`) stays null.
 * Lists, nested to any depth, are flattened and space-joined. Upstream crashes on non-string list
 * items; we render them Python-style instead (`True`, `1.5`, `None`).
 */
export function pythonStr(value: EnvValue): string | null {
  if (value === null) return null
  if (Array.isArray(value)) return flatten(value).join(' ')
  return scalarStr(value as string | number | boolean)
}

function flatten(list: readonly EnvValue[]): string[] {
  return list.flatMap((item) => (Array.isArray(item) ? flatten(item) : [scalarStr(item as string | number | boolean | null)]))
}
