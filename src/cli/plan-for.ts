/**
 * `plan --for COMMAND`: the flags of that command which change its decision (src/plan/decide-command.ts), and the
 * selection it makes. A flag the command does not take is a usage error, so a plan is always of a real command line.
 */
import {MaestroError} from '../api/errors.js'
import type {Action} from '../api/events.js'
import type {PlannedCommand} from '../plan/decide-command.js'
import type {PlayOptions} from '../play/types.js'

export interface PlanForFlags {
  readonly 'refresh-images'?: boolean
  readonly reuse?: boolean
  readonly converge?: boolean
  readonly 'remove-orphans'?: boolean
  readonly 'only-if-changed'?: boolean
  readonly 'expand-services'?: boolean
  readonly all?: boolean
}

type Flag = Exclude<keyof PlanForFlags, 'converge' | 'all'>

const DECISION_FLAGS: readonly Flag[] = ['refresh-images', 'reuse', 'remove-orphans', 'only-if-changed', 'expand-services']

const TAKES: Readonly<Record<PlannedCommand, readonly Flag[]>> = {
  start: ['refresh-images', 'reuse', 'remove-orphans'],
  restart: ['refresh-images', 'reuse', 'only-if-changed', 'expand-services'],
  stop: ['expand-services'],
  kill: ['expand-services'],
  clean: ['remove-orphans'],
  down: ['expand-services'],
}

/** The command whose selection rules the planned command follows (`down` selects as stop does, everything by default). */
export const selectingCommand = (command: PlannedCommand): Action => (command === 'start' ? 'plan' : command === 'down' ? 'stop' : command)

/** `down` with no things acts on everything, no -a needed. */
export const selectionAll = (command: PlannedCommand, things: readonly string[], all: boolean | undefined): boolean =>
  all === true || (command === 'down' && things.length === 0)

const takes = (command: PlannedCommand): string => (TAKES[command].length > 0 ? TAKES[command].map((f) => `--${f}`).join(', ') : 'only the selection flags')

/** The play options of the planned command, or a usage error naming a flag it does not take. */
export function planForOptions(command: PlannedCommand, flags: PlanForFlags): PlayOptions {
  const taken = new Set<Flag>(TAKES[command])
  const given = DECISION_FLAGS.filter((k) => flags[k] === true)
  const stray = given.find((k) => !taken.has(k))
  if (stray) throw new MaestroError('MAESTRO_USAGE', `--${stray} is not a flag of ${command}: plan --for ${command} takes ${takes(command)}`)
  if (command !== 'start' && flags.converge !== undefined) throw new MaestroError('MAESTRO_USAGE', `--${flags.converge ? '' : 'no-'}converge is a flag of start only: plan --for ${command} takes ${takes(command)}`)
  const is = (f: Flag) => flags[f] === true
  return {
    refreshImages: is('refresh-images'), reuse: is('reuse'), removeOrphans: is('remove-orphans'), onlyIfChanged: is('only-if-changed'),
    ...(command === 'start' ? {converge: flags.converge} : {}),
  }
}
