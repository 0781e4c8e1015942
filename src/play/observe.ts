import type {ContainerSummary} from '../api/docker.js'
import {isMaestroError, unreachableError, type MaestroError} from '../api/errors.js'
import type {Environment} from '../model/types.js'
import type {Observed, ObservedContainer} from '../plan/observed.js'
import type {ShipClients} from './ships.js'

export interface Observation {
  readonly observed: Observed
  /** Ships that could not be listed, with how they were reached and why it failed. */
  readonly down: ReadonlyMap<string, {readonly endpoint: string; readonly cause: unknown}>
}

/** Transport errors that already name the ship and its endpoint: reported as they are, not wrapped again. */
const SHIP_ERRORS: ReadonlySet<string> = new Set(['MAESTRO_SHIP_UNREACHABLE', 'MAESTRO_SSH', 'MAESTRO_SSH_HOST_KEY'])

export function shipDownError(ship: string, endpoint: string, cause: unknown): MaestroError {
  return isMaestroError(cause) && SHIP_ERRORS.has(cause.code) ? cause : unreachableError(ship, endpoint, cause)
}

const nameOf = (s: ContainerSummary): string => (s.Names[0] ?? '').replace(/^\//, '')

export function toObserved(ship: string, s: ContainerSummary): ObservedContainer {
  return {id: s.Id, name: nameOf(s), ship, running: s.State === 'running', state: s.State, status: s.Status, image: s.Image, imageId: s.ImageID, created: s.Created, labels: s.Labels ?? {}}
}

/**
 * One `listContainers({all: true})` per ship, in parallel: it is both the reachability preflight and the
 * observed state of every container of the play (no per-container inspect).
 */
export async function observeShips(environment: Environment, clients: ShipClients, containers: readonly string[]): Promise<Observation> {
  const ships = [...new Set(containers.map((c) => environment.containers[c].ship))]
  const observed = new Map<string, ObservedContainer>()
  const down = new Map<string, {endpoint: string; cause: unknown}>()
  await Promise.all(
    ships.map(async (ship) => {
      const client = clients.get(ship)
      try {
        const list = await client.listContainers({all: true})
        for (const s of list) {
          const o = toObserved(ship, s)
          if (environment.containers[o.name]?.ship === ship) observed.set(o.name, o)
        }
      } catch (cause) {
        down.set(ship, {endpoint: client.endpoint, cause})
      }
    }),
  )
  return {observed, down}
}

/** The one-line reason a ship could not be listed, for `status` to show next to `host down`. */
export function downReason(ship: string, down: {readonly endpoint: string; readonly cause: unknown} | undefined): string | undefined {
  return down && shipDownError(ship, down.endpoint, down.cause).message
}
