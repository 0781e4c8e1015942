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

/** An object whose keys need sorting, or an array holding one. */
const needsSort = (v: unknown): boolean => v !== null && typeof v === 'object' && (!Array.isArray(v) || v.some(needsSort))

function sortDeep(value: unknown): unknown {
  // JSON.stringify itself writes an array's undefined as null: only arrays holding objects with keys need a copy (an
  // env of thousands of [key, value] pairs is then not copied at all).
  if (Array.isArray(value)) return value.some(needsSort) ? value.map((v) => (v === undefined ? null : sortDeep(v))) : value
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

/** The digest of the parts' concatenation (large parts are hashed where they are, not copied into one string). */
export function sha256(...parts: string[]): string {
  const hash = createHash('sha256')
  for (const part of parts) hash.update(part)
  return hash.digest('hex')
}
