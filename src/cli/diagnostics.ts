/** Kernel log messages, isolated plugin failures and deploy lock waits, shown on stderr (debug and info only with --debug). */
import {describeError} from '../api/errors.js'
import type {EventSource} from '../api/events.js'
import {describeHolder, here} from '../lock/holder.js'

export function attachDiagnostics(events: EventSource, debug: boolean, write: (line: string) => void = (l) => process.stderr.write(`${l}\n`)): void {
  events.on('log', (e) => {
    if (e.level === 'warn' || e.level === 'error') write(`${e.level === 'warn' ? 'warning' : 'error'}: ${e.source}: ${e.message}`)
    else if (debug) write(`${e.level}: ${e.source}: ${e.message}`)
  })
  events.on('plugin:error', (e) => {
    write(`warning: plugin ${e.plugin} failed while handling ${e.event}: ${describeError(e.error)}`)
    if (debug && e.error instanceof Error && e.error.stack) write(e.error.stack)
  })
  events.on('lock:waiting', (e) => {
    write(`waiting up to ${e.timeoutSeconds} s for the deploy lock of ${e.environment} on ship ${e.ship}, held by ${describeHolder(e.holder, here())}`)
  })
  events.on('lock:released', (e) => {
    if (e.forced) write(`warning: took over the deploy lock of ${e.environment} on ship ${e.ship}: its holder ${describeHolder(e.holder, here())} is gone`)
  })
}
