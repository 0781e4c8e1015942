import type {Ulimit} from './types.js'
import {isMap} from './read.js'
import {ULIMIT} from './schema/container-keys.js'

const asInt = (v: unknown): number | undefined => {
  const n = typeof v === 'string' && /^-?\d+$/.test(v.trim()) ? Number(v) : v
  return typeof n === 'number' && Number.isInteger(n) && n >= -1 ? n : undefined
}

/** `{name: int}` (soft = hard) or `{name: {soft, hard}}`. */
export function parseUlimit(name: string, spec: unknown): Ulimit | string {
  if (isMap(spec)) {
    const unknown = Object.keys(spec).filter((k) => !(k in ULIMIT))
    if (unknown.length > 0) return `ulimit '${name}': unknown key '${unknown[0]}' (expected soft, hard)`
    const soft = asInt(spec.soft)
    const hard = asInt(spec.hard)
    if (soft === undefined || hard === undefined) return `ulimit '${name}' needs integer soft and hard values, got ${JSON.stringify(spec)}`
    if (hard !== -1 && soft > hard) return `ulimit '${name}': soft limit ${soft} is above hard limit ${hard}`
    return {name, soft, hard}
  }
  const n = asInt(spec)
  if (n === undefined) return `ulimit '${name}' must be an integer or {soft, hard}, got ${JSON.stringify(spec)}`
  return {name, soft: n, hard: n}
}
