/** The scheduler's nodes for a play in one order (src/command-table.ts says which; R6, compose dependencies.go). Only containers inside the play constrain each other (reference §1 `-d`), transitively; `volumes_from` orders starts only (upstream `needed_for` holds `requires` edges alone). */
import type {ScheduleNode} from '../api/contracts.js'
import type {Environment} from '../model/types.js'
import type {Order} from '../command-table.js'
import {buildServiceGraph, FORWARD, REVERSE, serviceDependencies} from '../graph/graph.js'

export function scheduleNodes(env: Environment, containers: readonly string[], direction: Order, ignoreDependencies: boolean): ScheduleNode[] {
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
