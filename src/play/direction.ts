/** The scheduler's nodes for a play in one order (src/command-table.ts says which; R6, compose dependencies.go). Only containers inside the play constrain each other (reference §1 `-d`), transitively; `volumes_from` orders starts only (upstream `needed_for` holds `requires` edges alone). */
import type {ScheduleNode} from '../api/contracts.js'
import type {Environment} from '../model/types.js'
import type {Order} from '../command-table.js'
import {buildServiceGraph, FORWARD, REVERSE, serviceDependencies} from '../graph/graph.js'

export function scheduleNodes(env: Environment, containers: readonly string[], direction: Order, ignoreDependencies: boolean): ScheduleNode[] {
  if (direction === 'none' || ignoreDependencies) return containers.map((id) => ({id, after: []}))
  const graph = buildServiceGraph(env)
  const walk = direction === 'forward' ? FORWARD : REVERSE
  const inPlay = new Map<string, string[]>()
  for (const id of containers) {
    const service = env.containers[id].service
    if (!inPlay.has(service)) inPlay.set(service, [])
    inPlay.get(service)!.push(id)
  }
  // One `after` list per service, shared by its containers: memory and time grow with services × containers,
  // not containers² (a fully fanned-in 3,000-container play would otherwise build millions of entries).
  const cache = new Map<string, string[]>()
  const after = (service: string): string[] => {
    let list = cache.get(service)
    if (!list) {
      const deps = serviceDependencies(graph, service, walk).filter((d) => d !== service)
      list = deps.flatMap((d) => inPlay.get(d) ?? [])
      cache.set(service, list)
    }
    return list
  }
  return containers.map((id) => ({id, after: after(env.containers[id].service)}))
}
