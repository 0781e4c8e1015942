import type {Environment} from '../model/types.js'
import {orderedKeys, orderedValues} from '../model/key-order.js'

/** `from` must start after `to`. `volumes_from` edges order starts only (reference §5). */
export interface DependencyEdge {
  readonly from: string
  readonly to: string
  readonly kind: 'requires' | 'volumes_from'
}

export interface ServiceGraph {
  /** Services in file order. */
  readonly nodes: readonly string[]
  readonly edges: readonly DependencyEdge[]
  /** Direct dependencies: `requires` plus the services of `volumes_from` targets. */
  dependencies(service: string): readonly string[]
  /** Direct dependents: services that `require` this one (upstream `needed_for`). */
  dependents(service: string): readonly string[]
}

/** A traversal direction as data (compose's up/down traversal configs). */
export interface Direction {
  readonly name: 'forward' | 'reverse'
  next(graph: ServiceGraph, service: string): readonly string[]
}

export const FORWARD: Direction = {name: 'forward', next: (g, s) => g.dependencies(s)}
export const REVERSE: Direction = {name: 'reverse', next: (g, s) => g.dependents(s)}

export function createGraph(nodes: readonly string[], edges: readonly DependencyEdge[]): ServiceGraph {
  const forward = new Map<string, string[]>(nodes.map((n) => [n, []]))
  const reverse = new Map<string, string[]>(nodes.map((n) => [n, []]))
  const add = (m: Map<string, string[]>, k: string, v: string): void => {
    const list = m.get(k) ?? []
    if (!list.includes(v)) list.push(v)
    m.set(k, list)
  }
  for (const e of edges) {
    add(forward, e.from, e.to)
    if (e.kind === 'requires') add(reverse, e.to, e.from)
  }
  return {nodes, edges, dependencies: (s) => forward.get(s) ?? [], dependents: (s) => reverse.get(s) ?? []}
}

/** The edges of an environment: `requires`, and `volumes_from` across services. */
export function serviceEdges(env: Environment): DependencyEdge[] {
  const edges: DependencyEdge[] = []
  for (const service of orderedValues(env.services)) {
    for (const to of service.requires) edges.push({from: service.name, to, kind: 'requires'})
  }
  for (const c of orderedValues(env.containers)) {
    for (const source of c.volumesFrom) {
      const to = env.containers[source]?.service
      if (to !== undefined && to !== c.service) edges.push({from: c.service, to, kind: 'volumes_from'})
    }
  }
  return edges
}

export const buildServiceGraph = (env: Environment): ServiceGraph => createGraph(orderedKeys(env.services), serviceEdges(env))

/** Every service reachable from `starts` in `direction`, the starts included. */
export function closure(graph: ServiceGraph, starts: Iterable<string>, direction: Direction = FORWARD): Set<string> {
  const seen = new Set<string>()
  const stack = [...starts]
  while (stack.length > 0) {
    const s = stack.pop() as string
    if (seen.has(s)) continue
    seen.add(s)
    stack.push(...direction.next(graph, s))
  }
  return seen
}

/** Transitive dependencies (or dependents) of one service, in file order, itself excluded. */
export function serviceDependencies(graph: ServiceGraph, service: string, direction: Direction = FORWARD): string[] {
  const reach = closure(graph, direction.next(graph, service), direction)
  return graph.nodes.filter((n) => n !== service && reach.has(n))
}

function relatedContainers(env: Environment, name: string, direction: Direction, graph: ServiceGraph): string[] {
  const own = env.containers[name]?.service
  if (own === undefined) return []
  const services = new Set(serviceDependencies(graph, own, direction))
  return orderedValues(env.containers).filter((c) => services.has(c.service)).map((c) => c.name)
}

/** Containers of the services `name`'s service depends on, transitively (start before it), in list order. */
export const containerDependencies = (env: Environment, name: string, graph: ServiceGraph = buildServiceGraph(env)): string[] =>
  relatedContainers(env, name, FORWARD, graph)

/** Containers of the services that depend on `name`'s service, transitively (stop before it), in list order. */
export const containerDependents = (env: Environment, name: string, graph: ServiceGraph = buildServiceGraph(env)): string[] =>
  relatedContainers(env, name, REVERSE, graph)

