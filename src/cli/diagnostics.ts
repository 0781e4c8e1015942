/** Kernel log messages and isolated plugin failures, shown on stderr (debug and info only with --debug). */
import {describeError} from '../api/errors.js'
import type {EventSource} from '../api/events.js'

export function attachDiagnostics(events: EventSource, debug: boolean, write: (line: string) => void = (l) => process.stderr.write(`${l}\n`)): void {
  events.on('log', (e) => {
    if (e.level === 'warn' || e.level === 'error') write(`${e.level === 'warn' ? 'warning' : 'error'}: ${e.source}: ${e.message}`)
    else if (debug) write(`${e.level}: ${e.source}: ${e.message}`)
  })
  events.on('plugin:error', (e) => {
    write(`warning: plugin ${e.plugin} failed while handling ${e.event}: ${describeError(e.error)}`)
    if (debug && e.error instanceof Error && e.error.stack) write(e.error.stack)
  })
}
