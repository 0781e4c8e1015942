import type {Limits} from './types.js'
import {LIMITS} from './schema/container-keys.js'

const UNITS: Readonly<Record<string, number>> = {k: 1024, m: 1024 ** 2, g: 1024 ** 3}

/** Bytes from an int, a digit string, or a k/m/g-suffixed string (any case, powers of 1024). */
export function parseBytes(v: unknown): number | string {
  if (typeof v === 'number') return Number.isInteger(v) ? v : `expected a whole number of bytes, got ${v}`
  if (typeof v !== 'string') return `expected a size like 512m, got ${JSON.stringify(v)}`
  const text = v.trim()
  if (/^-?\d+$/.test(text)) return Number(text)
  const m = /^(\d+)([a-zA-Z])$/.exec(text)
  if (!m) return `invalid size '${v}' (expected a number with an optional k, m or g suffix)`
  const unit = UNITS[m[2].toLowerCase()]
  if (unit === undefined) return `unknown unit suffix '${m[2]}' in '${v}' (expected k, m or g)`
  return Number(m[1]) * unit
}

export const LIMIT_KEYS: readonly string[] = Object.keys(LIMITS)

/** Parses `{cpu, memory, swap}`; returns the limits and one message per bad key. */
export function parseLimits(raw: Readonly<Record<string, unknown>>): {limits: Limits; errors: Array<[string, string]>} {
  const errors: Array<[string, string]> = []
  const out: {cpu?: number; memory?: number; swap?: number} = {}
  const cpu = raw.cpu
  if (cpu !== undefined && cpu !== null) {
    const n = typeof cpu === 'string' && /^\d+$/.test(cpu) ? Number(cpu) : cpu
    if (typeof n === 'number' && Number.isInteger(n) && n >= 0) out.cpu = n
    else errors.push(['cpu', `limits.cpu must be a non-negative integer (CPU shares), got ${JSON.stringify(cpu)}`])
  }
  for (const key of ['memory', 'swap'] as const) {
    const v = raw[key]
    if (v === undefined || v === null) continue
    const bytes = parseBytes(v)
    if (typeof bytes === 'string') errors.push([key, `limits.${key}: ${bytes}`])
    else if (bytes < 0 && !(key === 'swap' && bytes === -1)) errors.push([key, `limits.${key} must not be negative`])
    else out[key] = bytes
  }
  return {limits: out, errors}
}
