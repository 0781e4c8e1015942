/** What a row is doing, and for how long. */
import {formatAge, formatElapsed} from './durations.js'

/** A status without its counters, so that attempts and percentages are one phase: `running check tcp...`. */
export const phaseOf = (status: string): string => status.replace(/ \((attempt \d+|\d+%)\)/g, '')

/** A row still waiting (on Docker, a check, a dependency) ends in `...`. */
export const isPending = (status: string): boolean => status.endsWith('...')

/** `stopping... 7s` once the phase has lasted a second. */
export const withElapsed = (status: string, ms: number): string => (ms >= 1000 ? `${status} ${formatAge(ms / 1000)}` : status)

/** A finished container's status with the time its action took: `started (1.5s)`. */
export const withDuration = (status: string, ms: number): string => `${status} (${formatElapsed(ms)})`
