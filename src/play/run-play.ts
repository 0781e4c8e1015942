import {randomUUID} from 'node:crypto'
import {userInfo} from 'node:os'
import {ExitCode, MaestroError, describeError, isMaestroError} from '../api/errors.js'
import type {Scheduler} from '../api/contracts.js'
import type {FailOutcome} from '../api/events.js'
import type {Environment, SourceLoc} from '../model/types.js'
import type {PlayHost, PlayServices} from './services.js'
import type {RecipeDone, RecipeResult} from './context.js'
import {scheduleNodes} from './direction.js'
import {unknownProvider} from '../kernel/unknown-provider.js'
import {COMMANDS} from '../command-table.js'
import {downReason, observeShips, shipDownError} from './observe.js'
import {shipClients} from './ships.js'
import {DeadShips, isShipLost} from './dead-ships.js'
import {resolveLost, type LostRequest} from './lost-requests.js'
import type {DockerClient} from '../api/docker.js'
import {playStats} from './stats.js'
import {containerRef, makeTaskContext, type PlayScope} from './task-context.js'
import type {ContainerResult, PlayRequest, PlayResult} from './types.js'
import {prefetchImages} from './image-prefetch.js'
import {SEES_ORPHANS, actOnOrphans} from './orphan-phase.js'
import {orphanOutcome} from '../plan/decide-orphan.js'
import {absentDependencies, unselectedDependencies} from '../plan/absent-dependencies.js'
import {refuseWithoutPrevious} from './previous.js'

/** `start` brings containers up: an unselected dependency that is down is worth a warning (-d selects it). */
const WARNS_ABSENT_DEPENDENCIES: ReadonlySet<string> = new Set(['start'])

export const asMaestroError = (e: unknown): MaestroError => (isMaestroError(e) ? e : new MaestroError('MAESTRO_ACTION_FAILED', describeError(e), {cause: e}))

function currentUser(): string {
  try {
    return userInfo().username
  } catch {
    return process.env.USER ?? 'unknown'
  }
}

/** The scheduler plugin named `name`, or a usage error listing the ones installed. */
function pickScheduler(services: PlayServices, name: string): Scheduler {
  const all = services.schedulers
  const found = all.find((s) => s.name === name)
  if (found) return found
  throw new MaestroError('MAESTRO_NO_PROVIDER', unknownProvider('scheduler', name, all.map((s) => s.name)), {
    hint: 'choose one with --scheduler NAME or MAESTRO_SCHEDULER; schedulers come from plugins',
  })
}

export interface PlayHooks {
  /** Runs once every ship of the play answered, before the first change (the session takes the deploy lock there). */
  readonly beforeChanges?: () => Promise<void>
}

/**
 * Runs one command over the selected containers (reference §5): one list call per ship (reachability
 * preflight and observed state at once; anything but `status` refuses to run when a ship is down), then the
 * scheduler walks the containers in the command's direction and each runs its recipe. Emits the §3.2 events.
 */
export async function runPlay(host: PlayHost, environment: Environment, request: PlayRequest, hooks: PlayHooks = {}): Promise<PlayResult> {
  const t0 = Date.now()
  const {command: action} = request
  const facts = COMMANDS[action]
  if (!facts.recipe) throw new MaestroError('MAESTRO_USAGE', `${action} is not a play command`)
  for (const name of request.containers) {
    if (!environment.containers[name]) throw new MaestroError('MAESTRO_UNKNOWN_THING', `${name} is not a container of ${environment.name}`)
  }
  const services = host.playServices()
  const scheduler = pickScheduler(services, request.scheduler ?? 'dag')
  const names = [...request.containers]
  const signal = request.signal ?? new AbortController().signal
  const clients = shipClients(services, environment, request)
  try {
    const dependencies = WARNS_ABSENT_DEPENDENCIES.has(action) ? unselectedDependencies(environment, names) : []
    const {observed, down, orphans: found, unseen, listed, previous} = await observeShips(environment, clients, names, SEES_ORPHANS.has(action), dependencies.map((d) => environment.containers[d].ship))
    if (action !== 'status' && down.size > 0) {
      const [ship, {endpoint, cause}] = [...down][0]
      throw locatedAt(shipDownError(ship, endpoint, cause), environment.ships[ship]?.loc)
    }
    if (action === 'rollback') refuseWithoutPrevious(environment, names, previous, request.options.named === true)
    const shared = new Map<string, Promise<unknown>>()
    const dead = new DeadShips()
    const guarded = new Map<string, DockerClient>()
    const clientOf = (ship: string): DockerClient => guarded.get(ship) ?? guarded.set(ship, dead.guard(clients.get(ship))).get(ship)!
    // while the deploy lock is taken: the image checks are reads
    prefetchImages({environment, action, options: request.options, shared}, names, observed, clientOf)
    await hooks.beforeChanges?.()
    const playId = randomUUID()
    const direction = facts.order
    const ignoreDependencies = request.ignoreDependencies === true && facts.honoursIgnoreDependencies
    const recipe = await facts.recipe()
    const ordered = direction !== 'none' && !ignoreDependencies
    const concurrency = request.concurrency && request.concurrency > 0 ? request.concurrency : Infinity
    const refs = names.map((n) => containerRef(environment, n))
    services.emit('play:start', {playId, at: Date.now(), command: action, containers: refs, concurrency: Number.isFinite(concurrency) ? concurrency : names.length, ordered, direction, environment: environment.name, user: currentUser()})

    const scope: PlayScope = {services, environment, playId, action, options: request.options, signal, shared, previous}
    const results = new Map<string, ContainerResult>()
    const index = new Map(names.map((n, i) => [n, i]))
    const refOf = (name: string) => refs[index.get(name)!]
    const startedAt = new Map<string, number>()
    const lost: LostRequest[] = []
    /** The container whose failure stopped the play, first in time. */
    let stoppedBy: string | undefined
    const fail = (name: string, error: MaestroError, failure: FailOutcome) => {
      results.set(name, {status: 'failed', error, failure})
      services.emit('task:fail', {playId, at: Date.now(), container: refOf(name), action, error, durationMs: Date.now() - startedAt.get(name)!, outcome: failure})
    }
    const end = (name: string, r: RecipeDone) => {
      results.set(name, {status: 'ok', outcome: r.outcome, detail: r.detail, id: r.id, data: r.data})
      services.emit('task:end', {playId, at: Date.now(), container: refOf(name), action, outcome: r.outcome, detail: r.detail, id: r.id, data: r.data, durationMs: Date.now() - startedAt.get(name)!})
    }
    /** A failure, unless the request may have been carried out (its ship was lost) or the interruption cut it short. */
    const failed = (name: string, error: MaestroError, attempted: boolean): void => {
      if (attempted && facts.changesContainers && isShipLost(error)) return void lost.push({name, ship: environment.containers[name].ship, error})
      fail(name, error, signal.aborted && isInterruption(error) ? 'aborted' : 'failed')
    }

    // orphans first: an old copy must be gone before its new one starts (src/play/orphan-phase.ts)
    const orphans = await actOnOrphans({services, environment, playId, clientOf, signal}, found.map((o) => orphanOutcome(o, action, request.options)))
    const orphanFailure = orphans.find((o) => o.error)?.error
    // stop and kill go on past it, as past any failure; the others change nothing more
    if (!orphanFailure || direction === 'reverse') await scheduler.run(
      scheduleNodes(environment, names, direction, ignoreDependencies),
      {concurrency, signal, onWait: (id, waitingOn) => services.emit('task:wait', {playId, at: Date.now(), container: refOf(id), waitingOn})},
      async (name) => {
        const started = Date.now()
        startedAt.set(name, started)
        const ship = environment.containers[name].ship
        services.emit('task:start', {playId, at: started, container: refOf(name), action, index: index.get(name)!})
        const ctx = makeTaskContext(scope, name, index.get(name)!, clientOf(ship), observed.get(name), downReason(ship, down.get(ship)))
        // a ship lost earlier in this play: what its listing said may no longer hold, so nothing is claimed
        const gone = action === 'status' ? undefined : dead.reason(ship)
        let r: RecipeResult
        try {
          // stop and kill go on past a failure (the recipe reports it as non-fatal), the other plays stop
          if (gone && direction !== 'reverse') throw gone
          r = gone ? {nonFatal: gone} : await recipe(ctx)
        } catch (e) {
          const error = asMaestroError(e)
          stoppedBy ??= name
          failed(name, error, !gone)
          throw error
        }
        if ('nonFatal' in r) return failed(name, r.nonFatal, !gone)
        end(name, r)
      },
    )

    for (const [name, found] of await resolveLost(action, lost, (ship) => clients.get(ship))) {
      const {error} = lost.find((l) => l.name === name)!
      if (found.kind === 'done') end(name, {outcome: found.outcome, id: found.id, detail: found.detail, data: {lost: error.message}})
      else if (found.kind === 'failed') fail(name, new MaestroError(error.code, `${error.message}; read again, the container is ${found.found}`, {cause: error, hint: error.hint}), 'failed')
      else fail(name, error, 'unknown')
    }

    const interrupted = signal.aborted
    const interruption = interrupted ? interruptionOf(signal) : undefined
    const why = interruption?.message ?? (stoppedBy ? `${stoppedBy} failed` : orphanFailure ? `an orphan could not be removed: ${orphanFailure.message}` : 'the play stopped')
    for (const name of names) {
      if (results.has(name)) continue
      results.set(name, {status: 'skipped', reason: why})
      services.emit('task:skip', {playId, at: Date.now(), container: refOf(name), action, reason: interrupted ? 'interrupted' : 'aborted', detail: why})
    }
    const outcomes = new Map(names.map((n) => [n, results.get(n)!]))
    // a lost request read again as done still stopped the play: its error stays the play's
    const firstFailure = orphanFailure ?? [...outcomes.values()].find((r) => r.status === 'failed')?.error ?? lost.find((l) => l.name === stoppedBy)?.error
    const error = interruption ?? firstFailure
    const exitCode = interruption ? interruption.exit : firstFailure ? ExitCode.ACTION_FAILED : ExitCode.OK
    const stats = playStats(outcomes, Date.now() - t0)
    services.emit('play:end', {playId, at: Date.now(), command: action, containers: refs, stats, error, interrupted})
    const absent = dependencies.length > 0 ? absentDependencies(environment, names, observed, listed ?? new Set()) : []
    return {outcomes, stats, exitCode, error, requests: clients.requests(), orphans, unseen, absentDependencies: absent}
  } finally {
    await clients.closeAll()
  }
}

/** The error pointing at the file's definition of what failed (reporters annotate that line), unless it has a place. */
export function locatedAt(e: MaestroError, loc: SourceLoc | undefined): MaestroError {
  return e.loc || !loc ? e : new MaestroError(e.code, e.message, {cause: e.cause, hint: e.hint, exit: e.exit, issues: e.issues, loc})
}

const isInterruption = (e: MaestroError): boolean => e.code === 'MAESTRO_INTERRUPTED' || e.code === 'MAESTRO_TIMEOUT'

/** The abort's own reason when it says what stopped the play (a signal: exit 128 + it; the command's --timeout: 1). */
function interruptionOf(signal: AbortSignal): MaestroError {
  const reason: unknown = signal.reason
  const said = isMaestroError(reason) && (reason.code === 'MAESTRO_INTERRUPTED' || reason.code === 'MAESTRO_TIMEOUT')
  return said ? reason : new MaestroError('MAESTRO_INTERRUPTED', 'interrupted')
}
