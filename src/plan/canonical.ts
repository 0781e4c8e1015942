/**
 * Canonical JSON: object keys sorted, `undefined` dropped, no whitespace. The drift digest and the
 * `io.maestro.config` label are built from it, so its output for a given value must never change between
 * Maestro versions (a test pins a digest to a literal).
 */
import {createHash} from 'node:crypto'

export type Json = null | boolean | number | string | readonly Json[] | {readonly [key: string]: Json}

export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortDeep(value))
}

const isObject = (v: unknown): boolean => v !== null && typeof v === 'object'

function sortDeep(value: unknown): unknown {
  // JSON.stringify itself writes an array's undefined as null: only arrays holding objects need a copy (an env of
  // thousands of [key, value] pairs is then not copied pair by pair).
  if (Array.isArray(value)) return value.some(isObject) ? value.map((v) => (v === undefined ? null : sortDeep(v))) : value
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {}
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key]
      if (v !== undefined) out[key] = sortDeep(v)
    }
    return out
  }
  return value
}

export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex')
