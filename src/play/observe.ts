import type {ContainerSummary} from '../api/docker.js'
import {isMaestroError, unreachableError, type MaestroError} from '../api/errors.js'
import type {Environment} from '../model/types.js'
import type {Observed, ObservedContainer} from '../plan/observed.js'
import type {ShipClients} from './ships.js'
import {findOrphans, type Orphan} from '../plan/orphans.js'
import {notReadyOn} from './not-ready.js'
import {exitCodeOf, publishedPorts} from '../plan/listed-facts.js'
import {previousOf} from '../plan/previous.js'

export interface Observation {
  readonly observed: Observed
  /** Ships that could not be listed, with how they were reached and why it failed. */
  readonly down: ReadonlyMap<string, {readonly endpoint: string; readonly cause: unknown}>
  /** With `everyShip`: the environment's containers the file does not place where they are. */
  readonly orphans: readonly Orphan[]
  /** With `everyShip`: ships outside the play that could not be listed (their orphans are unknown). */
  readonly unseen: readonly string[]
  /** The ships whose containers were listed. */
  readonly listed?: ReadonlySet<string>
  /** The previous containers (src/plan/previous.ts) of the play's instances, by instance. */
  readonly previous: ReadonlyMap<string, ObservedContainer>
}

/** Transport errors that already name the ship and its endpoint: reported as they are, not wrapped again. */
const SHIP_ERRORS: ReadonlySet<string> = new Set(['MAESTRO_SHIP_UNREACHABLE', 'MAESTRO_SSH', 'MAESTRO_SSH_HOST_KEY'])

export function shipDownError(ship: string, endpoint: string, cause: unknown): MaestroError {
  return isMaestroError(cause) && SHIP_ERRORS.has(cause.code) ? cause : unreachableError(ship, endpoint, cause)
}

/** A linked-to container is also listed under `/<linker>/<alias>`; its own name is the one without a second slash. */
export const nameOf = (s: ContainerSummary): string => {
  const names = s.Names.map((n) => n.replace(/^\//, ''))
  return names.find((n) => !n.includes('/')) ?? names[0] ?? ''
}

export function toObserved(ship: string, s: ContainerSummary): ObservedContainer {
  const exitCode = s.State === 'exited' ? exitCodeOf(s.Status) : undefined
  const ports = publishedPorts(s.Ports)
  return {id: s.Id, name: nameOf(s), ship, running: s.State === 'running', state: s.State, status: s.Status, image: s.Image, imageId: s.ImageID, created: s.Created, labels: s.Labels ?? {}, ...(exitCode === undefined ? {} : {exitCode}), ...(ports.length > 0 ? {ports} : {})}
}

/**
 * One `listContainers({all: true})` per ship, in parallel: it is both the reachability preflight and the
 * observed state of every container of the play (no per-container inspect).
 */
export async function observeShips(environment: Environment, clients: ShipClients, containers: readonly string[], everyShip = false, alsoShips: readonly string[] = []): Promise<Observation> {
  const inPlay = new Set(containers.map((c) => environment.containers[c].ship))
  // `alsoShips` are listed at best (for the state of unselected dependencies): one that is down changes nothing
  const ships = everyShip ? Object.keys(environment.ships) : [...new Set([...inPlay, ...alsoShips])]
  const listedShips = new Set<string>()
  const listed: ObservedContainer[] = []
  const unseen: string[] = []
  const observed = new Map<string, ObservedContainer>()
  const previous = new Map<string, ObservedContainer>()
  const down = new Map<string, {endpoint: string; cause: unknown}>()
  await Promise.all(
    ships.map(async (ship) => {
      const client = clients.get(ship)
      try {
        const [list, notReady] = await Promise.all([client.listContainers({all: true}), notReadyOn(client)])
        listedShips.add(ship)
        for (const s of list) {
          const seen = toObserved(ship, s)
          const marked = seen.running ? notReady.get(seen.id) : undefined
          const o = marked ? {...seen, notReady: marked} : seen
          listed.push(o)
          if (environment.containers[o.name]?.ship === ship) observed.set(o.name, o)
          const of = previousOf(environment, o)
          if (of && environment.containers[of].ship === ship) previous.set(of, o)
        }
      } catch (cause) {
        if (!inPlay.has(ship)) return void (everyShip && unseen.push(ship))
        down.set(ship, {endpoint: client.endpoint, cause})
      }
    }),
  )
  return {observed, down, orphans: everyShip ? findOrphans(environment, listed, containers) : [], unseen: unseen.sort(), listed: listedShips, previous}
}

/** The one-line reason a ship could not be listed, for `status` to show next to `host down`. */
export function downReason(ship: string, down: {readonly endpoint: string; readonly cause: unknown} | undefined): string | undefined {
  return down && shipDownError(ship, down.endpoint, down.cause).message
}
