import {canonicalJson} from './canonical.js'
import {CONFIG_DEFAULTS} from './effective-config.js'

export interface ConfigChange {
  readonly field: string
  /** Absent (with `after`) when the field was unset; absent with `sensitive` or `beforeUnknown`. */
  readonly before?: unknown
  readonly after?: unknown
  /** A secret changed: neither value is ever given (src/env/sensitive.ts). */
  readonly sensitive?: true
  /** The key was set, but labels do not hold env values and the container was not inspected. */
  readonly beforeUnknown?: true
  /** Neither value can be given, only this (the link variables, digested together). */
  readonly summary?: string
}

/**
 * Field-by-field differences between a recorded and a desired config. A field missing on either side
 * counts as its default, so a field added in a later config version does not mark old containers changed.
 */
export function diffConfig(before: Readonly<Record<string, unknown>>, after: Readonly<Record<string, unknown>>): ConfigChange[] {
  const fields = [...new Set([...Object.keys(CONFIG_DEFAULTS), ...Object.keys(before), ...Object.keys(after)])]
  const value = (side: Readonly<Record<string, unknown>>, f: string): unknown => (f in side && side[f] !== undefined ? side[f] : (CONFIG_DEFAULTS[f] ?? null))
  const changes: ConfigChange[] = []
  for (const field of fields) {
    const b = value(before, field)
    const a = value(after, field)
    if (canonicalJson(b) !== canonicalJson(a)) changes.push(...detail(field, b, a))
  }
  return changes
}

const isPairList = (v: unknown): v is unknown[][] => Array.isArray(v) && v.every((p) => Array.isArray(p) && p.length === 2)
const isMap = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/** A keyed field (env pairs, label maps) changes key by key (`env.WORKERS: 4 -> 8`), other fields as a whole. */
function detail(field: string, before: unknown, after: unknown): ConfigChange[] {
  const asMap = (v: unknown): Map<string, unknown> | undefined =>
    isPairList(v) ? new Map(v.map((p) => [String(p[0]), p[1]])) : isMap(v) ? new Map(Object.entries(v)) : undefined
  const b = asMap(before)
  const a = asMap(after)
  if (!b || !a) return [{field, before, after}]
  return [...new Set([...b.keys(), ...a.keys()])]
    .filter((k) => canonicalJson(b.get(k) ?? null) !== canonicalJson(a.get(k) ?? null) || b.has(k) !== a.has(k))
    .sort()
    .map((k) => ({field: `${field}.${k}`, before: b.get(k), after: a.get(k)}))
}

/** For env-like lists of [key, value] pairs, the keys whose value differ: a readable summary of a big field. */
export function changedKeys(before: unknown, after: unknown): string[] {
  const asMap = (v: unknown) => new Map(Array.isArray(v) ? v.filter(Array.isArray).map((p) => [String(p[0]), canonicalJson(p[1])] as const) : [])
  const b = asMap(before)
  const a = asMap(after)
  return [...new Set([...b.keys(), ...a.keys()])].filter((k) => b.get(k) !== a.get(k)).sort()
}
