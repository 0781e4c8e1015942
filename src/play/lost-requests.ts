/**
 * Outcomes are facts (issue 13): a container whose request went unanswered because its ship was lost is not called
 * failed, as the request may have been carried out. Before the play ends its ship is listed once more; when it
 * answers, the container is reported as it is found, otherwise its outcome is `unknown`.
 */
import type {Action, Outcome} from '../api/events.js'
import type {DockerClient} from '../api/docker.js'
import type {MaestroError} from '../api/errors.js'
import type {ObservedContainer} from '../plan/observed.js'
import {toObserved} from './observe.js'

export interface LostRequest {
  readonly name: string
  readonly ship: string
  readonly error: MaestroError
}

export type Resolution =
  | {readonly kind: 'done'; readonly outcome: Outcome; readonly id?: string; readonly detail: string}
  | {readonly kind: 'failed'; readonly error: MaestroError; readonly found: string}
  | {readonly kind: 'unknown'}

/** What the action wanted the container to be, as a test of the state found. */
const WANTED: Partial<Record<Action, (seen: ObservedContainer | undefined) => Outcome | undefined>> = {
  start: (s) => (s?.running ? 'running' : undefined),
  restart: (s) => (s?.running ? 'running' : undefined),
  stop: (s) => (s ? (s.running ? undefined : 'down') : 'absent'),
  kill: (s) => (s ? (s.running ? undefined : 'down') : 'absent'),
  clean: (s) => (s ? undefined : 'absent'),
}

const stateWord = (s: ObservedContainer | undefined): string => (s ? s.state : 'absent')

/** Lists each ship with lost requests once (the raw client: the play's guard refuses a ship marked down). */
export async function resolveLost(action: Action, lost: readonly LostRequest[], clientOf: (ship: string) => DockerClient): Promise<Map<string, Resolution>> {
  const out = new Map<string, Resolution>()
  const ships = [...new Set(lost.map((l) => l.ship))]
  await Promise.all(
    ships.map(async (ship) => {
      let found: Map<string, ObservedContainer> | undefined
      try {
        const list = await clientOf(ship).listContainers({all: true})
        found = new Map(list.map((s) => toObserved(ship, s)).map((o) => [o.name, o]))
      } catch {
        found = undefined
      }
      for (const l of lost.filter((x) => x.ship === ship)) out.set(l.name, found ? judge(action, l, found.get(l.name)) : {kind: 'unknown'})
    }),
  )
  return out
}

function judge(action: Action, l: LostRequest, seen: ObservedContainer | undefined): Resolution {
  const outcome = WANTED[action]?.(seen)
  const found = stateWord(seen)
  if (outcome) return {kind: 'done', outcome, id: seen?.id, detail: `(${found} when read again after: ${l.error.message})`}
  return {kind: 'failed', error: l.error, found}
}
