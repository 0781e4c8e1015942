import type {Environment} from '../model/types.js'
import {buildServiceGraph, serviceDependencies} from '../graph/graph.js'
import type {Observed} from './observed.js'

/** A dependency of a selected container that the play leaves alone although it is not up. */
export interface AbsentDependency {
  /** The first selected container (in list order) that depends on it. */
  readonly container: string
  readonly dependency: string
  readonly state: 'not running' | 'not created'
}

/** Containers outside the selection that `selection` depends on (transitively), in list order. */
export function unselectedDependencies(env: Environment, selection: readonly string[]): string[] {
  const dependsOn = dependencyServices(env)
  const selected = new Set(selection)
  const services = new Set<string>()
  for (const n of selection) for (const s of dependsOn(env.containers[n]?.service)) services.add(s)
  return Object.keys(env.containers).filter((n) => services.has(env.containers[n].service) && !selected.has(n))
}

/** The services a service depends on, transitively, computed once per service (containers of a service share them). */
function dependencyServices(env: Environment): (service: string | undefined) => ReadonlySet<string> {
  const graph = buildServiceGraph(env)
  const memo = new Map<string, ReadonlySet<string>>()
  const none: ReadonlySet<string> = new Set()
  return (service) => {
    if (service === undefined) return none
    let deps = memo.get(service)
    if (!deps) memo.set(service, (deps = new Set(serviceDependencies(graph, service))))
    return deps
  }
}

/**
 * Pure: the unselected dependencies that are stopped or absent, once each. A dependency on a ship that could not
 * be listed (`listed` lacks it) is not known, so not named.
 */
export function absentDependencies(env: Environment, selection: readonly string[], observed: Observed, listed: ReadonlySet<string>): AbsentDependency[] {
  const dependsOn = dependencyServices(env)
  const out: AbsentDependency[] = []
  for (const dependency of unselectedDependencies(env, selection)) {
    if (!listed.has(env.containers[dependency].ship)) continue
    const seen = observed.get(dependency)
    if (seen?.running) continue
    const service = env.containers[dependency].service
    const container = selection.find((n) => dependsOn(env.containers[n]?.service).has(service))!
    out.push({container, dependency, state: seen ? 'not running' : 'not created'})
  }
  return out
}

/** `warning: web-1 depends on db-1, which is not running; add -d to start it too`. */
export const absentDependencyWarning = (a: AbsentDependency, command: string): string =>
  `warning: ${a.container} depends on ${a.dependency}, which is ${a.state}; add -d to ${command} it too`
