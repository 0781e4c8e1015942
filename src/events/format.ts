/** One Docker event of a Maestro container as a line: `name | time action on ship`, or one JSON object. */
import type {Prefixes} from '../logs/prefix.js'

export interface DockerEventMessage {
  readonly Type?: string
  readonly Action?: string
  readonly status?: string
  readonly time?: number
  readonly timeNano?: number
  readonly Actor?: {readonly ID?: string; readonly Attributes?: Readonly<Record<string, string>>}
}

export interface EnvironmentEvent {
  readonly ship: string
  readonly container: string
  readonly action: string
  /** ISO 8601, from the daemon's clock. */
  readonly time: string
  readonly exitCode?: number
}

/** The event of container `name`, or undefined for other events (the daemon filters; this checks). */
export function environmentEvent(ship: string, names: ReadonlySet<string>, e: DockerEventMessage): EnvironmentEvent | undefined {
  const container = e.Actor?.Attributes?.name
  const action = e.Action ?? e.status
  if ((e.Type ?? 'container') !== 'container' || container === undefined || action === undefined || !names.has(container)) return undefined
  const ms = e.timeNano !== undefined ? Math.floor(e.timeNano / 1e6) : (e.time ?? 0) * 1000
  const exit = e.Actor?.Attributes?.exitCode
  // exec_start and friends carry the command after a colon: outside text, kept out of the line
  return {ship, container, action: action.split(':')[0], time: new Date(ms).toISOString(), ...(exit !== undefined && /^\d+$/.test(exit) ? {exitCode: Number(exit)} : {})}
}

export function eventLine(event: EnvironmentEvent, prefixes: Prefixes, color: boolean, json: boolean): string {
  if (json) return `${JSON.stringify(event)}\n`
  const exit = event.exitCode !== undefined ? ` (exit code ${event.exitCode})` : ''
  return `${prefixes.of(event.container, color)}${event.time} ${event.action}${exit} on ${event.ship}\n`
}
