/**
 * Ordering as data (R6, compose dependencies.go): one walker, configured per command.
 *
 * Docs: `start`, `pull`, `clean` and `restart` run dependencies before dependents; `stop` and `kill` run
 * dependents first; `status` has no order. Upstream restarted dependents before their dependencies
 * (MaestroNG #186); Maestro keeps dependencies first for `restart`, a documented divergence.
 * Only containers inside the play constrain each other (reference §1 `-d`), transitively; `volumes_from`
 * orders starts only (upstream `needed_for` holds `requires` edges alone).
 */
import type {Action} from '../api/events.js'
import type {ScheduleNode} from '../api/contracts.js'
import type {Environment} from '../model/types.js'
import {buildServiceGraph, FORWARD, REVERSE, serviceDependencies} from '../graph/graph.js'

export type Direction = 'forward' | 'reverse' | 'none'

export const DIRECTION: Readonly<Record<Action, Direction>> = {
  start: 'forward',
  pull: 'forward',
  clean: 'forward',
  restart: 'forward',
  stop: 'reverse',
  kill: 'reverse',
  status: 'none',
  plan: 'none',
}

/** `clean` always honours order: upstream accepts `-i` for it and ignores it. */
export const IGNORES_DASH_I: ReadonlySet<Action> = new Set(['clean'])

export function scheduleNodes(env: Environment, containers: readonly string[], direction: Direction, ignoreDependencies: boolean): ScheduleNode[] {
  if (direction === 'none' || ignoreDependencies) return containers.map((id) => ({id, after: []}))
  const graph = buildServiceGraph(env)
  const walk = direction === 'forward' ? FORWARD : REVERSE
  const cache = new Map<string, Set<string>>()
  return containers.map((id) => {
    const service = env.containers[id].service
    if (!cache.has(service)) cache.set(service, new Set(serviceDependencies(graph, service, walk)))
    const services = cache.get(service)!
    return {id, after: containers.filter((o) => o !== id && services.has(env.containers[o].service))}
  })
}
