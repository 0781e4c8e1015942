import type {Environment} from '../model/types.js'
import type {PlayHost} from './services.js'
import {buildPlan, needsCurrentEnv, planChanges, wantedLinks, withCurrentEnv, type PlanStep} from '../plan/build-plan.js'
import {observeShips, shipDownError} from './observe.js'
import type {Orphan} from '../plan/orphans.js'
import {orphanOutcome, type OrphanFlags, type OrphanOutcome} from '../plan/decide-orphan.js'
import {decideOrphanFor, type PlannedCommand} from '../plan/decide-command.js'
import {withDefaultTag} from '../docker/image-ref.js'
import type {Observed} from '../plan/observed.js'
import type {ShipClients} from './ships.js'
import {shipClients} from './ships.js'
import type {PlayRequest} from './types.js'

export interface PlanResult {
  readonly steps: PlanStep[]
  /** The command planned for. */
  readonly command: PlannedCommand
  /** True when that command would change anything, orphans included (`plan --detailed-exitcode` exits 4). */
  readonly changes: boolean
  readonly requests: Readonly<Record<string, number>>
  /** The environment's containers the file does not place where they are, and what the command does to them. */
  readonly orphans: readonly OrphanEntry[]
  /** Ships outside the selection that could not be listed. */
  readonly unseen: readonly string[]
}

/** An orphan and what the planned command with the plan's flags does to it. */
export type OrphanEntry = Omit<OrphanOutcome, 'done' | 'error'>

const orphanEntry = (o: Orphan, command: PlannedCommand, flags: OrphanFlags): OrphanEntry => {
  const {done, error, ...entry} = orphanOutcome(o, 'start', flags)
  void done, void error
  return {...entry, ...decideOrphanFor(o, command, flags)}
}

/** `plan` plans for `start --converge` unless told `--no-converge`. */
const planFlags = (o: PlayRequest['options'] = {}) => ({...o, converge: o.converge ?? true})

export type PlanRequest = Pick<PlayRequest, 'containers' | 'transportFlags' | 'env'> & {
  readonly options?: PlayRequest['options']
  /** The command planned for (`plan --for`; default `start`). */
  readonly command?: PlannedCommand
}

/**
 * restart --only-if-changed without -r: whether each running container runs its configured image's id on its
 * ship (one image inspect per image and ship). With -r the image is pulled first, so it is not known.
 */
async function imagesCurrent(environment: Environment, clients: ShipClients, containers: readonly string[], observed: Observed): Promise<ReadonlyMap<string, boolean>> {
  const ids = new Map<string, Promise<string | undefined>>()
  const idOf = (ship: string, ref: string) => ids.get(`${ship} ${ref}`) ?? ids.set(`${ship} ${ref}`, clients.get(ship).inspectImage(ref).then((i) => i?.Id)).get(`${ship} ${ref}`)!
  const running = containers.filter((n) => observed.get(n)?.running && observed.get(n)?.ship === environment.containers[n].ship)
  return new Map(await Promise.all(running.map(async (n) => [n, (await idOf(environment.containers[n].ship, withDefaultTag(environment.containers[n].image))) === observed.get(n)!.imageId] as const)))
}

/** What the command with the request's flags would do, observed with one list call per ship; changes nothing. */
export async function planPlay(host: PlayHost, environment: Environment, request: PlanRequest): Promise<PlanResult> {
  const clients = shipClients(host.playServices(), environment, request)
  const command = request.command ?? 'start'
  try {
    const flags = command === 'start' ? planFlags(request.options) : (request.options ?? {})
    const {observed, down, orphans, unseen} = await observeShips(environment, clients, request.containers, true)
    if (down.size > 0) {
      const [ship, {endpoint, cause}] = [...down][0]
      throw shipDownError(ship, endpoint, cause)
    }
    const current = command === 'restart' && flags.onlyIfChanged && !flags.refreshImages ? await imagesCurrent(environment, clients, request.containers, observed) : undefined
    // Labels hold no env values: an old value shown is read from the container itself (one inspect each).
    const steps = await Promise.all(
      buildPlan(environment, request.containers, observed, {command, flags, imageCurrent: current && ((n) => current.get(n))}).map(async (s) => {
        if (!needsCurrentEnv(s) || s.id === undefined) return s
        const inspect = await clients.get(s.ship).inspectContainer(s.id)
        return inspect ? withCurrentEnv(s, inspect.Config.Env ?? [], wantedLinks(environment, s.container)) : s
      }),
    )
    const entries = orphans.map((o) => orphanEntry(o, command, flags))
    return {command, steps, orphans: entries, unseen, changes: planChanges(steps) || entries.some((o) => o.action !== 'keep'), requests: clients.requests()}
  } finally {
    await clients.closeAll()
  }
}
