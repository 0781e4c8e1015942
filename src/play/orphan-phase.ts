/**
 * The orphans of a play (src/plan/orphans.ts) and what its command does to them (src/plan/decide-orphan.ts). They
 * are acted on before the play's own containers, one after the other, dependents' old copies first (as a stop):
 * an old copy is gone before its new one starts (a host port it holds would clash) and before the dependents that
 * read its address are started or recreated.
 */
import type {Action, ContainerRef} from '../api/events.js'
import type {DockerClient} from '../api/docker.js'
import {MaestroError, describeError, isMaestroError} from '../api/errors.js'
import type {Environment} from '../model/types.js'
import type {OrphanOutcome} from '../plan/decide-orphan.js'
import {scheduleNodes} from './direction.js'
import type {PlayServices} from './services.js'

/** Docker's own default, for a container the file no longer describes. */
const DEFAULT_STOP_TIMEOUT = 10

/** Commands whose play lists every ship of the file to find orphans. */
export const SEES_ORPHANS: ReadonlySet<Action> = new Set<Action>(['status', 'start', 'stop', 'kill', 'clean'])

/** Moved old copies in reverse dependency order (dependents first), then unknown ones by name. */
function inStopOrder(environment: Environment, orphans: readonly OrphanOutcome[]): OrphanOutcome[] {
  const moved = orphans.filter((o) => o.kind === 'moved')
  const nodes = scheduleNodes(environment, moved.map((o) => o.container), 'reverse', false)
  const done = new Set<string>()
  const ordered: string[] = []
  while (ordered.length < nodes.length) {
    const ready = nodes.filter((n) => !done.has(n.id) && n.after.every((a) => done.has(a)))
    for (const n of ready.length > 0 ? ready : nodes.filter((n) => !done.has(n.id))) done.add(n.id), ordered.push(n.id)
  }
  const byName = new Map(moved.map((o) => [o.container, o]))
  return [...ordered.map((n) => byName.get(n)!), ...orphans.filter((o) => o.kind === 'unknown')]
}

export interface OrphanScope {
  readonly services: PlayServices
  readonly environment: Environment
  readonly playId: string
  readonly clientOf: (ship: string) => DockerClient
  /** Once aborted, no further orphan is acted on. */
  readonly signal: AbortSignal
}

/**
 * Executes each orphan's action; returns every orphan with what happened. A failure is recorded on its orphan and
 * the others go on (the play decides whether it goes on: a `start` does not, as a port may still be held).
 */
export async function actOnOrphans(scope: OrphanScope, orphans: readonly OrphanOutcome[]): Promise<OrphanOutcome[]> {
  const results = new Map<OrphanOutcome, OrphanOutcome>()
  for (const o of inStopOrder(scope.environment, orphans.filter((x) => x.action !== 'keep'))) {
    if (scope.signal.aborted) break
    results.set(o, await act(scope, o))
  }
  return orphans.map((o) => results.get(o) ?? o)
}

async function act(scope: OrphanScope, o: OrphanOutcome): Promise<OrphanOutcome> {
  const {services, playId} = scope
  const docker = scope.clientOf(o.ship)
  const ref: ContainerRef = {name: o.container, service: o.service ?? '', ship: o.ship, image: ''}
  const emit = (event: 'container:stop' | 'container:kill' | 'container:remove') => services.emit(event, {playId, at: Date.now(), container: ref, id: o.id})
  const placed = scope.environment.containers[o.container]
  const running = o.state === 'running' || o.state === 'restarting' || o.state === 'paused'
  try {
    if (o.action === 'kill') {
      await docker.killContainer(o.id)
      emit('container:kill')
    } else if (running) {
      await docker.stopContainer(o.id, placed?.stopTimeout ?? DEFAULT_STOP_TIMEOUT)
      emit('container:stop')
    }
    if (o.action === 'remove') {
      await docker.removeContainer(o.id, {volumes: true, force: true})
      emit('container:remove')
    }
    return {...o, done: true}
  } catch (e) {
    const error = isMaestroError(e) ? e : new MaestroError('MAESTRO_DOCKER', `${o.container} on ${o.ship}: ${o.action} failed: ${describeError(e)}`, {cause: e})
    return {...o, error}
  }
}
