import type {Environment} from '../model/types.js'
import {buildServiceGraph, type ServiceGraph} from './graph.js'
import {unknownThing} from './select.js'
import {orderedKeys} from '../model/key-order.js'

const byName = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

function toServices(env: Environment, things: readonly string[]): string[] {
  const out = new Set<string>()
  for (const thing of things) {
    const service = env.containers[thing]?.service ?? (thing in env.services ? thing : undefined)
    if (service === undefined) throw unknownThing(env, thing)
    out.add(service)
  }
  return [...out].sort(byName)
}

function tree(graph: ServiceGraph, service: string, indent: string, shown: Set<string>, recursive: boolean, path: ReadonlySet<string>, out: string[]): void {
  const direct = [...graph.dependencies(service)].sort(byName)
  const deps = recursive ? direct : direct.filter((d) => !shown.has(d))
  for (const d of deps) shown.add(d)
  deps.forEach((dep, i) => {
    const last = i === deps.length - 1
    out.push(`${indent}${last ? '\\-' : '+-'} ${dep}`)
    if (!path.has(dep)) tree(graph, dep, indent + (last ? '  ' : '|  '), shown, recursive, new Set([...path, dep]), out)
  })
}

/**
 * Upstream's `deptree` drawing: each service (sorted), its dependencies below with `+-`, `\-` and `|`.
 * Without `recursive`, a dependency already shown under the same root is not repeated.
 * `things` are service or container names; none means every service.
 */
export function renderDeptree(env: Environment, things: readonly string[], recursive: boolean): string {
  const graph = buildServiceGraph(env)
  const services = toServices(env, things.length > 0 ? things : orderedKeys(env.services))
  const out: string[] = []
  services.forEach((service, i) => {
    out.push(service)
    tree(graph, service, ' ', new Set(), recursive, new Set([service]), out)
    if (i < services.length - 1) out.push('')
  })
  return out.map((l) => `${l}\n`).join('')
}
