/**
 * Ordering as data (R6, compose dependencies.go): one walker, configured per command.
 *
 * Docs: `start`, `pull`, `clean` and `restart` run dependencies before dependents; `stop` and `kill` run
 * dependents first; `status` has no order. Upstream restarted dependents before their dependencies
 * (MaestroNG #186); Maestro keeps dependencies first for `restart`, a documented divergence.
 * Only containers inside the play constrain each other (reference §1 `-d`), transitively.
 */
import type {Action} from '../api/events.js'
import type {ScheduleNode} from '../api/contracts.js'
import type {Environment} from '../model/types.js'

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

/** Services a service depends on: `requires` plus the services of its instances' `volumes_from`. */
function serviceDeps(env: Environment, service: string): string[] {
  const s = env.services[service]
  const fromVolumes = s.instances.flatMap((i) => env.containers[i].volumesFrom.map((v) => env.containers[v]?.service)).filter((x): x is string => !!x && x !== service)
  return [...new Set([...s.requires, ...fromVolumes])].filter((d) => env.services[d])
}

function closure(start: string, next: (s: string) => readonly string[]): Set<string> {
  const seen = new Set<string>()
  const stack = [...next(start)]
  while (stack.length > 0) {
    const s = stack.pop()!
    if (seen.has(s) || s === start) continue
    seen.add(s)
    stack.push(...next(s))
  }
  return seen
}

export function scheduleNodes(env: Environment, containers: readonly string[], direction: Direction, ignoreDependencies: boolean): ScheduleNode[] {
  if (direction === 'none' || ignoreDependencies) return containers.map((id) => ({id, after: []}))
  const inPlay = new Set(containers)
  const forward = (s: string) => serviceDeps(env, s)
  const dependents = (s: string) => Object.keys(env.services).filter((o) => serviceDeps(env, o).includes(s))
  const walk = direction === 'forward' ? forward : dependents
  const cache = new Map<string, Set<string>>()
  return containers.map((id) => {
    const service = env.containers[id].service
    if (!cache.has(service)) cache.set(service, closure(service, walk))
    const services = cache.get(service)!
    const after = containers.filter((o) => o !== id && inPlay.has(o) && services.has(env.containers[o].service))
    return {id, after}
  })
}
