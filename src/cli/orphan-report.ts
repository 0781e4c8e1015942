/** What a play found and did outside the file's placements (issue 12): status lists orphans, start warns once. */
import type {Action} from '../api/events.js'
import type {OrphanOutcome} from '../plan/decide-orphan.js'
import type {PlayResult} from '../play/types.js'
import {compactDuration, statusAge} from '../play/wait.js'

export interface ReportStreams {
  readonly out: {write(text: string): unknown}
  readonly err: {write(text: string): unknown}
}

const placement = (o: OrphanOutcome): string =>
  o.kind === 'moved' ? `moved to ${o.movedTo}` : `not in the file (${o.service ? `service ${o.service}` : 'no service label'})`

/** `running for 3m`, `exited for 2h`, or the state alone when Docker's status names no duration. */
export function orphanAge(o: Pick<OrphanOutcome, 'state' | 'status'>): string {
  const age = statusAge(o.status)
  return age === undefined ? o.state : `${o.state} for ${compactDuration(age)}`
}

/** Pure: status's lines under its table, one aligned row per orphan (none when there are none). */
export function orphanTable(orphans: readonly OrphanOutcome[]): string[] {
  if (orphans.length === 0) return []
  const rows = orphans.map((o) => [o.container, o.ship, orphanAge(o), placement(o)])
  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i].length)))
  return [`orphans (containers of this environment the file does not place there):`, ...rows.map((r) => `  ${r.map((c, i) => (i < 3 ? c.padEnd(widths[i]) : c)).join('  ')}`)]
}

const DONE: Readonly<Record<OrphanOutcome['action'], string>> = {keep: 'kept', remove: 'removed', stop: 'stopped', kill: 'killed'}

/** Pure: one line per orphan the play acted on (a failed one is the play's error). */
export const actedLines = (orphans: readonly OrphanOutcome[]): string[] =>
  orphans.filter((o) => o.done).map((o) => `orphan ${o.container} on ${o.ship} (${placement(o)}): ${DONE[o.action]}`)

/** Pure: `start`'s one warning naming the orphans it left in place, with the flag that would act on each kind. */
export function keptWarning(orphans: readonly OrphanOutcome[]): string | undefined {
  const kept = orphans.filter((o) => o.action === 'keep')
  if (kept.length === 0) return undefined
  const hints = [
    kept.some((o) => o.kind === 'unknown') ? '--remove-orphans removes the containers not in the file' : '',
    kept.some((o) => o.kind === 'moved') ? '--converge removes the old copies of moved instances' : '',
  ].filter(Boolean)
  return `warning: found orphan containers: ${kept.map((o) => `${o.container} on ${o.ship} (${placement(o)})`).join(', ')}; ${hints.join(', ')}`
}

/** Writes what a play's command shows about orphans and unseen ships. */
export function reportOrphans(command: Action, result: Pick<PlayResult, 'orphans' | 'unseen'>, io: ReportStreams): void {
  const lines = command === 'status' ? orphanTable(result.orphans) : actedLines(result.orphans)
  for (const l of lines) io.out.write(`${l}\n`)
  const warning = command === 'start' ? keptWarning(result.orphans) : undefined
  if (warning) io.err.write(`${warning}\n`)
  for (const s of result.unseen) io.err.write(`warning: ship ${s} could not be listed: its orphans are not known\n`)
}
