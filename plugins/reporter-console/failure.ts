/** A failed container under the table: what happened once, the last lines of its log, and where to read more. */
import type {MaestroError} from '../../src/api/index.js'

export const LOG_PREFIX = '  | '

export function failureLines(name: string, error: Pick<MaestroError, 'message' | 'hint' | 'logTail'>): string[] {
  const m = error.message
  const head = m.startsWith(`${name}:`) ? m : `${name}: ${m}`
  const tail = error.logTail ?? []
  if (tail.length === 0) return [head]
  return [head, ...tail.map((l) => `${LOG_PREFIX}${l}`), ...(error.hint ? [`  ${error.hint}`] : [])]
}
