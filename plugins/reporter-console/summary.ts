import {formatElapsed} from './durations.js'

/**
 * Counts what happened, in first-seen order: `3 started, 1 up, 0 failed in 4.2s`; then, when there are any, the
 * containers whose outcome is unknown, those cut short and those never attempted (`1 unknown, 2 skipped`).
 */
export class Tally {
  private readonly counts = new Map<string, number>()
  failed = 0
  unknown = 0
  aborted = 0
  skipped = 0

  add(outcome: string): void {
    this.counts.set(outcome, (this.counts.get(outcome) ?? 0) + 1)
  }

  summary(elapsedMs: number): string {
    const parts = [...this.counts].map(([word, n]) => `${n} ${word}`)
    parts.push(`${this.failed} failed`)
    if (this.unknown > 0) parts.push(`${this.unknown} unknown`)
    if (this.aborted > 0) parts.push(`${this.aborted} aborted`)
    if (this.skipped > 0) parts.push(`${this.skipped} skipped`)
    return `${parts.join(', ')} in ${formatElapsed(elapsedMs)}`
  }
}
