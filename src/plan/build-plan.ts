import type {Container, Environment, UpdateConfig, UpdateOrder} from '../model/types.js'
import {previousName} from './previous.js'
import type {ReadFile} from '../env/compute.js'
import type {ConfigChange} from './diff.js'
import {computeContainerEnv} from '../env/compute.js'
import {linkVarKeys} from '../env/link-vars.js'
import {effectiveConfig} from './effective-config.js'
import {envSensitivity} from './desired.js'
import type {IsSensitive} from '../env/sensitive.js'
import {assessDrift} from './drift.js'
import {LABEL, LINK_VARIABLES, recordedConfig} from './labels.js'
import type {Observed} from './observed.js'
import {DRIFT_UNREAD, decideCommand, type CommandAction, type CommandFlags, type PlannedCommand} from './decide-command.js'

export type {CommandAction as PlanAction}

/** What the planned command (`start` unless `plan --for`) with the plan's flags would do to one container, and why. */
export interface PlanStep {
  readonly container: string
  readonly service: string
  readonly ship: string
  readonly action: CommandAction
  readonly reason: string
  readonly changes: readonly ConfigChange[]
  /** The existing container's id, when there is one. */
  readonly id?: string
  /** The image is pulled (`-r`). */
  readonly pull?: boolean
  /** A running container recreated under its service's `update:` block: how, and the way back it leaves. */
  readonly update?: PlannedUpdate
}

export interface PlannedUpdate {
  readonly order: UpdateOrder
  /** Instances of the service replaced at once (0: all). */
  readonly parallelism: number
  readonly failureAction: UpdateConfig['failureAction']
  /** The Docker name the replaced container is kept under, stopped, for `maestro rollback`. */
  readonly previous: string
}

/** The update a recreate of running `c` goes through, and the reason's words for it; none without the block. */
function plannedUpdate(environment: Environment, c: Container): {update: PlannedUpdate; words: string} | undefined {
  const u = environment.services[c.service]?.update
  if (!u) return undefined
  const update = {order: u.order, parallelism: u.parallelism, failureAction: u.failureAction, previous: previousName(c.name)}
  const slots = u.parallelism === 0 ? 'all instances at once' : `${u.parallelism} instance${u.parallelism === 1 ? '' : 's'} at a time`
  return {update, words: `; update: ${u.order}, ${slots}, failure_action ${u.failureAction}; the replaced container is kept as ${update.previous} (maestro rollback)`}
}

export interface PlanOptions {
  readonly readFile?: ReadFile
  /** The command planned for (default `start`). */
  readonly command?: PlannedCommand
  /** The flags of the command planned for (default: `--converge`). */
  readonly flags?: CommandFlags
  /** restart --only-if-changed: whether a container runs its configured image's id (undefined: not known). */
  readonly imageCurrent?: (container: string) => boolean | undefined
}

/** The commands whose decision reads drift: their steps show it. */
const READS_DRIFT: ReadonlySet<PlannedCommand> = new Set(['start', 'restart'])

/** Pure: the desired state of each selected container against what the ships reported. */
export function buildPlan(environment: Environment, selection: readonly string[], observed: Observed, options: PlanOptions = {}): PlanStep[] {
  return selection.map((name) => {
    const c = environment.containers[name]
    const base = {container: name, service: c.service, ship: c.ship}
    const seen = observed.get(name)
    const flags = options.flags ?? {converge: true}
    const command = options.command ?? 'start'
    if (!seen || seen.ship !== c.ship) {
      const d = decideCommand(command, undefined, {known: true, changes: []}, flags)
      return {...base, action: d.action, reason: d.reason, changes: [], ...(d.pull ? {pull: true} : {})}
    }
    const pairs = READS_DRIFT.has(command) ? computeContainerEnv(environment, name, options.readFile) : []
    const drift = READS_DRIFT.has(command) ? assessDrift(recordedConfig(seen.labels), effectiveConfig(c, pairs), envSensitivity(environment, name, () => pairs, options.readFile), linkVarKeys(environment, c.service)) : DRIFT_UNREAD
    const owner = seen.labels[LABEL.environment]
    const foreign = owner !== undefined && owner !== environment.name ? ` (created by environment ${owner})` : ''
    const d = decideCommand(command, {...seen, imageCurrent: options.imageCurrent?.(name)}, drift, flags)
    const planned = command === 'start' && d.action === 'recreate' && seen.running ? plannedUpdate(environment, c) : undefined
    return {...base, id: seen.id, action: d.action, reason: d.reason + foreign + (planned?.words ?? ''), changes: drift.changes, ...(d.pull ? {pull: true} : {}), ...(planned ? {update: planned.update} : {})}
  })
}

/** True when a step's env changes need the container's own env for their old values. */
export const needsCurrentEnv = (step: PlanStep): boolean => step.changes.some((c) => c.beforeUnknown)

/** The link variables wanted now, to name which changed (labels v3 digest them together). */
export interface WantedLinks {
  readonly pairs: readonly (readonly [string, string | null])[]
  readonly isSensitive: IsSensitive
}

/** The link variables a container would get now, and which env keys of it are secrets. */
export function wantedLinks(environment: Environment, name: string): WantedLinks {
  const pairs = computeContainerEnv(environment, name)
  const keys = linkVarKeys(environment, environment.containers[name].service)
  return {pairs: pairs.filter(([k]) => keys.has(k)), isSensitive: envSensitivity(environment, name, () => pairs)}
}

/**
 * Fills the old value of each non-sensitive env change from the container's own `Config.Env`; with `links`, the
 * link variables' change becomes one change per link variable that differs from the container's.
 */
export function withCurrentEnv(step: PlanStep, dockerEnv: readonly string[], links?: WantedLinks): PlanStep {
  const current = new Map(dockerEnv.map((e) => (e.includes('=') ? [e.slice(0, e.indexOf('=')), e.slice(e.indexOf('=') + 1)] : [e, null])))
  const filled = step.changes.flatMap((c): ConfigChange[] => {
    if (!c.beforeUnknown) return [c]
    const key = c.field.slice('env.'.length)
    if (key === LINK_VARIABLES) {
      const changed = (links?.pairs ?? []).filter(([k, v]) => current.get(k) !== v)
      if (changed.length === 0) return [c]
      return changed.map(([k, v]): ConfigChange =>
        links!.isSensitive(k) ? {field: `env.${k}`, sensitive: true} : {field: `env.${k}`, ...(current.has(k) ? {before: current.get(k)} : {}), after: v})
    }
    return [current.has(key) ? {field: c.field, before: current.get(key), after: c.after} : c]
  })
  return {...step, changes: filled}
}

/** True when applying the plan would change anything. */
export const planChanges = (steps: readonly PlanStep[]): boolean => steps.some((s) => s.action !== 'nothing')
