/**
 * The one decision (issue 12): what `start` does to a container the file places, from what its ship reported,
 * its drift and the flags. `plan` shows it and the start recipe executes it, so a plan never promises something
 * other than what then happens.
 */
import type {ObservedContainer} from './observed.js'
import type {Drift} from './drift.js'

export type PlanAction = 'create' | 'recreate' | 'start' | 'nothing'

/** The flags of `start` (and `plan`) that change the decision. */
export interface DecideFlags {
  /** `--reuse`: a stopped container is started as it is. */
  readonly reuse?: boolean
  /** `--converge`: a running container whose configuration changed is recreated. */
  readonly converge?: boolean
  /** `-r`: the image is pulled before anything is created. */
  readonly refreshImages?: boolean
}

/** The container as its ship listed it: only what the decision reads. */
export interface SeenState {
  readonly running: boolean
  /** Docker's state word: exited, created, … */
  readonly state: string
  /** Left running by `--keep-failed` after failing its running checks, or with its checks interrupted. */
  readonly notReady?: ObservedContainer['notReady']
}

export interface Decision {
  readonly action: PlanAction
  readonly reason: string
  /** The image is pulled even when present (`-r` and something is created). */
  readonly pull: boolean
}

const fields = (drift: Drift): string => drift.changes.map((c) => c.field).join(', ')

/** Pure: the action and its reason for one container. */
export function decide(seen: SeenState | undefined, drift: Drift, flags: DecideFlags = {}): Decision {
  const pull = flags.refreshImages === true
  const unknown = drift.known ? '' : '; not created by Maestro, drift unknown'
  const changed = drift.changes.length > 0
  if (!seen) return {action: 'create', reason: 'absent', pull}
  if (seen.running) {
    if (changed && flags.converge) return {action: 'recreate', reason: `configuration changed: ${fields(drift)}`, pull}
    if (seen.notReady) return {action: 'nothing', reason: `running but not ready (${seen.notReady.interrupted ? 'its running checks were interrupted' : 'left so by --keep-failed'}): its running checks run again${changed ? `; drifted: ${fields(drift)} (--converge recreates it)` : ''}`, pull: false}
    if (changed) return {action: 'nothing', reason: `running, drifted: ${fields(drift)} (--converge recreates it)`, pull: false}
    return {action: 'nothing', reason: `running${drift.known ? ', up to date' : ''}${unknown}`, pull: false}
  }
  // created but never started: an interrupted start may have left it half made (networks not yet connected)
  if (seen.state === 'created') return {action: 'recreate', reason: `created but never started (an interrupted start?): removed and created again${changed ? `, configuration changed: ${fields(drift)}` : ''}${unknown}`, pull}
  if (flags.reuse) return {action: 'start', reason: `${seen.state}; started as it is (--reuse)${changed ? `, drifted: ${fields(drift)}` : ''}${unknown}`, pull: false}
  const why = changed ? `, configuration changed: ${fields(drift)}` : ''
  return {action: 'recreate', reason: `${seen.state}: removed and created again${why} (--reuse starts it as it is)${unknown}`, pull}
}
