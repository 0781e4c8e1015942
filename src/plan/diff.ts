import {canonicalJson} from './canonical.js'
import {CONFIG_DEFAULTS} from './effective-config.js'

export interface ConfigChange {
  readonly field: string
  readonly before: unknown
  readonly after: unknown
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
    if (canonicalJson(b) !== canonicalJson(a)) changes.push({field, before: b, after: a})
  }
  return changes
}

/** For env-like lists of [key, value] pairs, the keys whose value differ: a readable summary of a big field. */
export function changedKeys(before: unknown, after: unknown): string[] {
  const asMap = (v: unknown) => new Map(Array.isArray(v) ? v.filter(Array.isArray).map((p) => [String(p[0]), canonicalJson(p[1])] as const) : [])
  const b = asMap(before)
  const a = asMap(after)
  return [...new Set([...b.keys(), ...a.keys()])].filter((k) => b.get(k) !== a.get(k)).sort()
}
