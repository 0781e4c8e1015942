/**
 * A service's `update:` block (Compose `update_config` names): how `start --converge` replaces the running
 * instances of the service whose configuration changed. Without the block every drifted instance is replaced at
 * once, stop-first, as MaestroNG does.
 */
import type {Container, PortSpec, UpdateConfig, UpdateOrder} from './types.js'
import type {Scope} from './issues.js'
import {isMap, readInt} from './read.js'
import {parseDuration} from './healthcheck.js'
import {UPDATE} from './schema/container-keys.js'

export const UPDATE_ORDERS: readonly UpdateOrder[] = ['stop-first', 'start-first']
export const FAILURE_ACTIONS: readonly UpdateConfig['failureAction'][] = ['rollback', 'pause', 'continue']

function readChoice<T extends string>(s: Scope, key: string, raw: unknown, values: readonly T[], fallback: T, more = ''): T {
  if (raw === undefined || raw === null) return fallback
  if (typeof raw === 'string' && (values as readonly string[]).includes(raw)) return raw as T
  s.error(['update', key], `update.${key} must be ${values.join(' or ')}, got ${JSON.stringify(raw)}${more}`)
  return fallback
}

/** Milliseconds from a Compose duration (`10s`, `1m30s`, `500ms`, `0`). */
function readDurationMs(s: Scope, key: string, raw: unknown): number {
  if (raw === undefined || raw === null || raw === 0) return 0
  const ns = typeof raw === 'string' ? parseDuration(raw) : undefined
  if (ns !== undefined) return Math.round(ns / 1e6)
  s.error(['update', key], `update.${key} must be a duration such as 10s, 1m30s or 500ms, got ${JSON.stringify(raw)}`)
  return 0
}

function readRatio(s: Scope, raw: unknown): number {
  if (raw === undefined || raw === null) return 0
  const n = typeof raw === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(raw) ? Number(raw) : raw
  if (typeof n === 'number' && n >= 0 && n <= 1) return n
  s.error(['update', 'max_failure_ratio'], `update.max_failure_ratio must be a number from 0 to 1, got ${JSON.stringify(raw)}`)
  return 0
}

export function readUpdate(s: Scope, raw: unknown): UpdateConfig | undefined {
  if (raw === undefined || raw === null) return undefined
  if (!isMap(raw)) {
    s.error(['update'], `'update' must be a mapping such as {order: start-first, parallelism: 1, delay: 10s}`)
    return undefined
  }
  s.child(['update'], 'update').checkKeys(raw, new Set(Object.keys(UPDATE)))
  return {
    parallelism: readInt(s, ['update', 'parallelism'], raw.parallelism, 1),
    delayMs: readDurationMs(s, 'delay', raw.delay),
    order: readChoice(s, 'order', raw.order, UPDATE_ORDERS, 'stop-first'),
    monitorMs: readDurationMs(s, 'monitor', raw.monitor),
    failureAction: readChoice(s, 'failure_action', raw.failure_action, FAILURE_ACTIONS, 'pause'),
    maxFailureRatio: readRatio(s, raw.max_failure_ratio),
  }
}

/** A port both the old and the new container would bind on the ship: a single host port, or a range mapped one to one. */
export function fixedHostPort(p: PortSpec): boolean {
  const size = (r: string): number => {
    const [a, b] = r.split('-').map(Number)
    return b === undefined ? 1 : b - a + 1
  }
  return size(p.external) === size(p.exposed)
}

/** Why the old and new containers of `c` cannot run side by side on its ship (start-first), or undefined. */
export function startFirstConflict(c: Container): string | undefined {
  if (c.net === 'host') return `instance ${c.name} uses net: host, so the old and new containers would share every port`
  const fixed = c.ports.find(fixedHostPort)
  if (fixed) return `instance ${c.name} publishes port '${fixed.name}' on fixed host port ${fixed.external} of ship ${c.ship}: the old and new containers cannot both bind it (map it to a wider host range, e.g. '${fixed.exposed}:8080-8089', or use order: stop-first)`
  return undefined
}
