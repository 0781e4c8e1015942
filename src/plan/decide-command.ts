/**
 * The one decision for every command that changes containers (issue 12): what `command` does to a container the
 * file places, from what its ship reported, its drift and the flags. `plan --for COMMAND` shows it and the
 * command's recipe executes it. `start` is src/plan/decide.ts; `restart` stops a running container, then decides
 * as `start` does on it stopped; `down` is a stop then a clean of the same containers.
 */
import type {Drift} from './drift.js'
import {decide, type DecideFlags, type PlanAction, type SeenState} from './decide.js'
import {decideOrphan, type OrphanDecision, type OrphanFlags} from './decide-orphan.js'
import type {Orphan} from './orphans.js'

/** The commands `plan --for` plans for: every command that changes containers. */
export const PLANNED_COMMANDS = ['start', 'stop', 'kill', 'restart', 'clean', 'down'] as const
export type PlannedCommand = (typeof PLANNED_COMMANDS)[number]

/** `restart` of a running container with --reuse: stopped and started again as it is. */
export type CommandAction = PlanAction | 'stop' | 'kill' | 'remove' | 'restart'

export interface CommandFlags extends DecideFlags {
  /** restart `--only-if-changed`: a running container already on the configured image is left alone. */
  readonly onlyIfChanged?: boolean
}

export interface CommandSeen extends SeenState {
  /**
   * restart --only-if-changed: the container runs the configured image's id on its ship; undefined when that is
   * not known yet (with -r the image is pulled first).
   */
  readonly imageCurrent?: boolean
}

export interface CommandDecision {
  readonly action: CommandAction
  readonly reason: string
  /** The image is pulled: by start when something is created with -r, by restart always with -r. */
  readonly pull: boolean
}

/** For stop, kill, clean and down, whose decision does not read drift (their recipes do not compute it). */
export const DRIFT_UNREAD: Drift = {known: false, changes: []}

const nothing = (reason: string): CommandDecision => ({action: 'nothing', reason, pull: false})

/** Pure: the action and its reason for one container. */
export function decideCommand(command: PlannedCommand, seen: CommandSeen | undefined, drift: Drift, flags: CommandFlags = {}): CommandDecision {
  switch (command) {
    case 'start':
      return decide(seen, drift, flags)
    case 'stop':
    case 'kill':
      if (!seen) return nothing('absent')
      if (!seen.running) return nothing(`${seen.state}: not running`)
      return {action: command, reason: command === 'stop' ? 'running: stopped' : 'running: killed (SIGKILL)', pull: false}
    case 'clean':
      if (!seen) return nothing('absent')
      if (seen.running) return nothing('running: skipped (stop it first)')
      return {action: 'remove', reason: `${seen.state}: removed with its anonymous volumes`, pull: false}
    case 'down':
      if (!seen) return nothing('absent')
      return {action: 'remove', reason: `${seen.running ? 'running: stopped, then' : `${seen.state}:`} removed with its anonymous volumes`, pull: false}
    case 'restart':
      return decideRestart(seen, drift, flags)
  }
}

function decideRestart(seen: CommandSeen | undefined, drift: Drift, flags: CommandFlags): CommandDecision {
  const pull = flags.refreshImages === true
  const then = decide(seen && {...seen, running: false, state: seen.running ? 'exited' : seen.state}, drift, {reuse: flags.reuse})
  if (!seen?.running) return {...then, pull}
  if (flags.onlyIfChanged && seen.imageCurrent === true) return nothing('running the configured image already (--only-if-changed)')
  const unless = flags.onlyIfChanged && seen.imageCurrent === undefined ? '; -r pulls first: nothing if the pulled image is the one it runs (--only-if-changed)' : ''
  if (then.action === 'start') return {action: 'restart', reason: `running: stopped and started again as it is (--reuse)${unless}`, pull}
  return {action: 'recreate', reason: `running: stopped, removed and created again${unless}`, pull}
}

/** Pure: what `command` does to an orphan; `down` stops it as `stop` does, then removes it as `clean` does. */
export function decideOrphanFor(o: Orphan, command: PlannedCommand, flags: OrphanFlags = {}): OrphanDecision {
  if (command !== 'down') return decideOrphan(o, command, flags)
  const stop = decideOrphan(o, 'stop')
  const stopped: Orphan = stop.action === 'stop' ? {...o, container: {...o.container, running: false, state: 'exited'}} : o
  const clean = decideOrphan(stopped, 'clean')
  if (clean.action !== 'remove') return stop.action === 'stop' ? stop : clean
  return {action: 'remove', reason: stop.action === 'stop' ? clean.reason.replace('is removed', 'is stopped and removed') : clean.reason}
}
