import type {Environment} from '../model/types.js'
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
    return {...base, id: seen.id, action: d.action, reason: d.reason + foreign, changes: drift.changes, ...(d.pull ? {pull: true} : {})}
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
