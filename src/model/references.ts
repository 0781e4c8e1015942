import type {Container, Service} from './types.js'
import type {IssueCollector} from './issues.js'
import {didYouMean} from './did-you-mean.js'
import {volumePaths} from './volumes.js'
import {createGraph, type DependencyEdge} from '../graph/graph.js'
import {findCycles} from '../graph/cycles.js'

const instancePath = (c: Container): string[] => ['services', c.service, 'instances', c.name]

function checkServiceRefs(sink: IssueCollector, services: Readonly<Record<string, Service>>): void {
  const names = Object.keys(services)
  for (const svc of Object.values(services)) {
    const s = sink.scope(['services', svc.name], `service ${svc.name}`)
    for (const [key, list] of [['requires', svc.requires], ['wants_info', svc.wantsInfo]] as const) {
      list.forEach((dep, i) => {
        if (!(dep in services)) s.error([key, i], `unknown service '${dep}' in ${key}${didYouMean(dep, names)}`)
      })
    }
  }
}

function checkVolumesFrom(sink: IssueCollector, containers: Readonly<Record<string, Container>>, c: Container): void {
  const s = sink.scope(instancePath(c), `instance ${c.name}`)
  const mine = volumePaths(c.volumes, c.containerVolumes)
  c.volumesFrom.forEach((source, i) => {
    const other = containers[source]
    const at = ['volumes_from', i]
    if (source === c.name) s.error(at, `an instance cannot take volumes from itself`)
    else if (!other) s.error(at, `unknown container '${source}' in volumes_from${didYouMean(source, Object.keys(containers))}`)
    else if (other.ship !== c.ship && other.ship !== '' && c.ship !== '') {
      s.error(at, `volumes_from '${source}' must be on the same ship (${source} is on '${other.ship}', ${c.name} on '${c.ship}')`)
    } else {
      const overlap = [...volumePaths(other.volumes, other.containerVolumes)].filter((p) => mine.has(p))
      if (overlap.length > 0) s.error(at, `volume conflicts between ${c.name} and ${source}: ${overlap.join(', ')}`)
    }
  })
}

function checkLinks(sink: IssueCollector, containers: Readonly<Record<string, Container>>, c: Container): void {
  const s = sink.scope(instancePath(c), `instance ${c.name}`)
  for (const target of Object.keys(c.links)) {
    const other = containers[target]
    if (!other) s.error(['links', target], `unknown container '${target}' in links${didYouMean(target, Object.keys(containers))}`, 'key')
    else if (other.ship !== c.ship && other.ship !== '' && c.ship !== '') s.error(['links', target], `link to '${target}' crosses ships (${target} is on '${other.ship}'); links work on one ship only`, 'key')
  }
}

function checkCycles(sink: IssueCollector, services: Readonly<Record<string, Service>>, containers: Readonly<Record<string, Container>>): void {
  const edges: Array<DependencyEdge & {at: string[]}> = []
  for (const svc of Object.values(services)) {
    for (const to of svc.requires) if (to in services) edges.push({from: svc.name, to, kind: 'requires', at: ['services', svc.name, 'requires']})
  }
  for (const c of Object.values(containers)) {
    for (const source of c.volumesFrom) {
      const to = containers[source]?.service
      if (to !== undefined && to !== c.service) edges.push({from: c.service, to, kind: 'volumes_from', at: [...instancePath(c), 'volumes_from']})
    }
  }
  for (const cycle of findCycles(createGraph(Object.keys(services), edges))) {
    const first = edges.find((e) => e.from === cycle[0] && e.to === cycle[1])
    sink.add('error', first?.at ?? ['services', cycle[0]], `dependency cycle: ${cycle.join(' -> ')}`)
  }
}

/** Cross-entity rules: service references, volumes_from, links, dependency cycles. */
export function checkReferences(sink: IssueCollector, services: Readonly<Record<string, Service>>, containers: Readonly<Record<string, Container>>): void {
  checkServiceRefs(sink, services)
  for (const c of Object.values(containers)) {
    checkVolumesFrom(sink, containers, c)
    checkLinks(sink, containers, c)
  }
  checkCycles(sink, services, containers)
}
