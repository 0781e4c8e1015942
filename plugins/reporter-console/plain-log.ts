/** `--progress plain`: one timestamped line per state change of a container, printed as it happens. */
import {phaseOf} from './phase.js'

/** `2026-12-07T09:33:17.123Z kafka-1: stopping...` (UTC, milliseconds; names padded to the play's longest). */
export function plainLine(at: number, name: string, width: number, status: string): string {
  return `${new Date(at).toISOString()} ${`${name}:`.padEnd(width + 1)} ${status}`
}

/** Remembers each container's last printed phase, so a new attempt or percentage is not a new line. */
export class PlainLog {
  private readonly last = new Map<string, string>()
  private width = 0

  constructor(private readonly write: (line: string) => void) {}

  start(names: readonly string[]): void {
    this.last.clear()
    this.width = Math.max(0, ...names.map((n) => n.length))
  }

  /** A line about something other than one container's phase (a service's rollback), always printed. */
  note(at: number, name: string, text: string): void {
    this.write(plainLine(at, name, this.width, text))
  }

  change(at: number, name: string, status: string): void {
    const phase = phaseOf(status)
    if (this.last.get(name) === phase) return
    this.last.set(name, phase)
    this.write(plainLine(at, name, this.width, phase))
  }
}
