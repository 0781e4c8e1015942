import type {Environment} from '../model/types.js'
import {buildServiceGraph, containerDependencies} from '../graph/graph.js'
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
  const graph = buildServiceGraph(env)
  const selected = new Set(selection)
  const deps = new Set(selection.flatMap((n) => containerDependencies(env, n, graph)).filter((d) => !selected.has(d)))
  return Object.keys(env.containers).filter((n) => deps.has(n))
}

/**
 * Pure: the unselected dependencies that are stopped or absent, once each. A dependency on a ship that could not
 * be listed (`listed` lacks it) is not known, so not named.
 */
export function absentDependencies(env: Environment, selection: readonly string[], observed: Observed, listed: ReadonlySet<string>): AbsentDependency[] {
  const graph = buildServiceGraph(env)
  const out: AbsentDependency[] = []
  for (const dependency of unselectedDependencies(env, selection)) {
    if (!listed.has(env.containers[dependency].ship)) continue
    const seen = observed.get(dependency)
    if (seen?.running) continue
    const container = selection.find((n) => containerDependencies(env, n, graph).includes(dependency))!
    out.push({container, dependency, state: seen ? 'not running' : 'not created'})
  }
  return out
}

/** `warning: web-1 depends on db-1, which is not running; add -d to start it too`. */
export const absentDependencyWarning = (a: AbsentDependency, command: string): string =>
  `warning: ${a.container} depends on ${a.dependency}, which is ${a.state}; add -d to ${command} it too`
