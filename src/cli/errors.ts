/** Turns anything thrown into the lines printed on stderr and the process exit code. */
import {ExitCode, formatIssue, isMaestroError} from '../api/errors.js'

export interface RenderedError {
  readonly lines: string[]
  readonly exit: number
}

interface OclifLike {
  readonly message: string
  readonly oclif?: {readonly exit?: number}
  readonly code?: string
}

const stackOf = (e: unknown): string[] => {
  const lines: string[] = []
  for (let cur = e; cur instanceof Error; cur = cur.cause) lines.push(...(cur.stack ?? '').split('\n'))
  return lines
}

/** One `ERROR:` line (config errors: every issue, then a summary); stack traces only with `debug`. */
export function renderError(e: unknown, debug: boolean): RenderedError {
  const trace = debug ? stackOf(e) : []
  if (isMaestroError(e)) {
    if (e.issues.length > 0) {
      const lines = e.issues.flatMap((i) => (i.sourceLine ? [formatIssue(i), `    ${i.sourceLine}`] : [formatIssue(i)]))
      const n = e.issues.filter((i) => i.severity === 'error').length
      return {lines: [...lines, `ERROR: invalid configuration: ${n} problem${n === 1 ? '' : 's'} found`, ...trace], exit: e.exit}
    }
    const hint = e.hint ? ` (${e.hint})` : ''
    return {lines: [`ERROR: ${oneLine(e.message)}${hint}`, ...trace], exit: e.exit}
  }
  const o = e as OclifLike
  if (o && typeof o.oclif?.exit === 'number') {
    // oclif parse and usage errors: first line only; the rest is a "see --help" footer
    return {lines: [`ERROR: ${oneLine(o.message)}`, ...trace], exit: o.oclif.exit}
  }
  const message = e instanceof Error ? e.message : String(e)
  return {lines: [`ERROR: ${oneLine(message)}`, ...trace], exit: ExitCode.ACTION_FAILED}
}

/** The first meaningful line: oclif's "The following errors occurred:" headers and "See more help" footers are dropped. */
function oneLine(text: string): string {
  const lines = text.split('\n').map((l) => l.trim()).filter((l) => l !== '' && !/^See more help/.test(l))
  if (lines.length > 1 && lines[0].endsWith(':')) return lines[1]
  return lines[0] ?? text.trim()
}

/** True for oclif's own exit signal (`this.exit(n)`), which must pass through untouched. */
export const isExitSignal = (e: unknown): boolean => (e as OclifLike)?.code === 'EEXIT'
