import type {Environment} from '../model/types.js'
import type {PlayHost} from './services.js'
import {buildPlan, needsCurrentEnv, planChanges, wantedLinks, withCurrentEnv, type PlanStep} from '../plan/build-plan.js'
import {observeShips, shipDownError} from './observe.js'
import type {Orphan} from '../plan/orphans.js'
import {orphanOutcome, type OrphanFlags, type OrphanOutcome} from '../plan/decide-orphan.js'
import {shipClients} from './ships.js'
import type {PlayRequest} from './types.js'

export interface PlanResult {
  readonly steps: PlanStep[]
  /** True when that `start` would change anything, orphans included (`plan --detailed-exitcode` exits 4). */
  readonly changes: boolean
  readonly requests: Readonly<Record<string, number>>
  /** The environment's containers the file does not place where they are, and what start does to them. */
  readonly orphans: readonly OrphanEntry[]
  /** Ships outside the selection that could not be listed. */
  readonly unseen: readonly string[]
}

/** An orphan and what `start` with the plan's flags does to it. */
export type OrphanEntry = Omit<OrphanOutcome, 'done' | 'error'>

const orphanEntry = (o: Orphan, flags: OrphanFlags): OrphanEntry => {
  const {done, error, ...entry} = orphanOutcome(o, 'start', flags)
  void done, void error
  return entry
}

/** `plan` plans for `start --converge` unless told `--no-converge`. */
const planFlags = (o: PlayRequest['options'] = {}) => ({...o, converge: o.converge ?? true})

/** What `start` with the request's flags would do, observed with one list call per ship; changes nothing. */
export async function planPlay(host: PlayHost, environment: Environment, request: Pick<PlayRequest, 'containers' | 'transportFlags' | 'env'> & {readonly options?: PlayRequest['options']}): Promise<PlanResult> {
  const clients = shipClients(host.playServices(), environment, request)
  try {
    const flags = planFlags(request.options)
    const {observed, down, orphans, unseen} = await observeShips(environment, clients, request.containers, true)
    if (down.size > 0) {
      const [ship, {endpoint, cause}] = [...down][0]
      throw shipDownError(ship, endpoint, cause)
    }
    // Labels hold no env values: an old value shown is read from the container itself (one inspect each).
    const steps = await Promise.all(
      buildPlan(environment, request.containers, observed, {flags}).map(async (s) => {
        if (!needsCurrentEnv(s) || s.id === undefined) return s
        const inspect = await clients.get(s.ship).inspectContainer(s.id)
        return inspect ? withCurrentEnv(s, inspect.Config.Env ?? [], wantedLinks(environment, s.container)) : s
      }),
    )
    const entries = orphans.map((o) => orphanEntry(o, flags))
    return {steps, orphans: entries, unseen, changes: planChanges(steps) || entries.some((o) => o.action !== 'keep'), requests: clients.requests()}
  } finally {
    await clients.closeAll()
  }
}
