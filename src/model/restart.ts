import type {RestartPolicy} from './types.js'
import {isMap} from './read.js'
import {RESTART_POLICIES as POLICIES} from './defaults.js'
import {RESTART_MAPPING} from './schema/container-keys.js'

export const RESTART_POLICIES: readonly RestartPolicy['name'][] = POLICIES
export const DEFAULT_RESTART: RestartPolicy = {name: 'no', maximumRetryCount: 0}

function make(name: unknown, retries: unknown): RestartPolicy | string {
  if (typeof name !== 'string' || !(RESTART_POLICIES as readonly string[]).includes(name)) {
    return `invalid restart policy ${JSON.stringify(name)}; choose one of ${RESTART_POLICIES.join(', ')}`
  }
  const n = typeof retries === 'string' && /^\d+$/.test(retries.trim()) ? Number(retries) : retries ?? 0
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) return `invalid restart retries ${JSON.stringify(retries)} (expected a non-negative integer)`
  return {name: name as RestartPolicy['name'], maximumRetryCount: n}
}

/** `"no"`, `always`, `"on-failure:3"`, `{name, retries}`; absent (or YAML 1.1 `no` = false) means no. */
export function parseRestart(spec: unknown): RestartPolicy | string {
  if (spec === undefined || spec === null || spec === false) return DEFAULT_RESTART
  if (typeof spec === 'string') {
    const i = spec.indexOf(':')
    return i < 0 ? make(spec, 0) : make(spec.slice(0, i), spec.slice(i + 1))
  }
  if (isMap(spec)) {
    const unknown = Object.keys(spec).filter((k) => !(k in RESTART_MAPPING))
    if (unknown.length > 0) return `invalid restart policy format: unknown key '${unknown[0]}' (expected name, retries)`
    return make(spec.name ?? 'no', spec.retries)
  }
  return `invalid restart policy format ${JSON.stringify(spec)}`
}
