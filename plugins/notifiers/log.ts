import {appendFile} from 'node:fs/promises'
import {resolve} from 'node:path'
import type {NotifierFactory} from '../../src/api/index.js'
import {auditOptions, createAuditor, missingStrings, requireString} from './auditor.js'
import {auditMessage} from './messages.js'

/** Python logging's default `asctime`: `2026-11-26 17:33:04,123` (local time). */
export function asctime(d: Date): string {
  const p = (n: number, w = 2): string => String(n).padStart(w, '0')
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())},${p(d.getMilliseconds(), 3)}`
}

/** `{type: log, file}`: appends `asctime LEVEL: message` lines; errors at ERROR, play events at INFO, task events at DEBUG. */
export const logNotifier: NotifierFactory = {
  type: 'log',
  validate: (spec) => missingStrings(spec, 'file'),
  create(spec, context) {
    const file = resolve(requireString(spec, 'log', 'file'))
    return createAuditor({
      type: 'log',
      async deliver(event) {
        const level = event.kind === 'error' ? 'ERROR' : event.level.toUpperCase()
        await appendFile(file, `${asctime(new Date())} ${level}: ${auditMessage(event)}\n`)
      },
    }, auditOptions(spec), context)
  },
}
