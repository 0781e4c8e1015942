/**
 * What a command does to an orphan (src/plan/orphans.ts), beside the one decision for the containers the file
 * places (src/plan/decide.ts): `plan` shows it and the play executes it.
 */
import type {Action} from '../api/events.js'
import type {MaestroError} from '../api/errors.js'
import {LABEL} from './labels.js'
import type {Orphan} from './orphans.js'

/** `remove` stops a running container first. */
export type OrphanAction = 'keep' | 'remove' | 'stop' | 'kill'

export interface OrphanFlags {
  /** `--converge` (start, plan): the old copy of a moved instance is stopped and removed. */
  readonly converge?: boolean
  /** `--remove-orphans` (start, plan, clean): containers of removed services or instances are removed. */
  readonly removeOrphans?: boolean
}

export interface OrphanDecision {
  readonly action: OrphanAction
  readonly reason: string
}

const where = (o: Orphan): string => {
  const service = o.container.labels[LABEL.service]
  return o.kind === 'moved' ? `moved to ${o.movedTo}` : `not in the file (${service ? `service ${service}` : 'no service label'})`
}

const keep = (o: Orphan, why: string): OrphanDecision => ({action: 'keep', reason: `${where(o)}: left ${o.container.state}${why ? ` (${why})` : ''}`})

/** Pure: the action of `command` (with `plan` as `start`) on one orphan, and its reason. */
export function decideOrphan(o: Orphan, command: Action, flags: OrphanFlags = {}): OrphanDecision {
  const running = o.container.running
  const moved = o.kind === 'moved'
  switch (command) {
    case 'start':
    case 'plan':
      if (moved) return flags.converge ? {action: 'remove', reason: `${where(o)}: the old copy is ${running ? 'stopped and ' : ''}removed before the new one starts`} : keep(o, '--converge removes it')
      return flags.removeOrphans ? {action: 'remove', reason: `${where(o)}: ${running ? 'stopped and ' : ''}removed (--remove-orphans)`} : keep(o, '--remove-orphans removes it')
    case 'stop':
    case 'kill':
      if (moved && running) return {action: command, reason: `${where(o)}: the old copy is ${command === 'stop' ? 'stopped' : 'killed'} too`}
      return keep(o, '')
    case 'clean':
      if (!moved) return flags.removeOrphans ? {action: 'remove', reason: `${where(o)}: ${running ? 'stopped and ' : ''}removed (--remove-orphans)`} : keep(o, '--remove-orphans removes it')
      return running ? keep(o, 'running: stop it first') : {action: 'remove', reason: `${where(o)}: the old copy is removed too`}
    default:
      return keep(o, '')
  }
}

export interface OrphanOutcome {
  readonly container: string
  readonly ship: string
  readonly kind: Orphan['kind']
  readonly movedTo?: string
  readonly service?: string
  readonly state: string
  readonly status: string
  readonly id: string
  readonly action: OrphanAction
  readonly reason: string
  /** What was done: true once the action succeeded (always false for `keep`). */
  readonly done: boolean
  readonly error?: MaestroError
}

/** Pure: one orphan with its decision, as plays and plans report it. */
export const orphanOutcome = (o: Orphan, command: Action, flags: OrphanFlags = {}): OrphanOutcome => {
  const d = decideOrphan(o, command, flags)
  const c = o.container
  const service = c.labels[LABEL.service]
  return {
    container: c.name, ship: c.ship, kind: o.kind, ...(o.movedTo ? {movedTo: o.movedTo} : {}), ...(service ? {service} : {}),
    state: c.state, status: c.status, id: c.id, action: d.action, reason: d.reason, done: false,
  }
}
