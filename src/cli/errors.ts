/** Turns anything thrown into the lines printed on stderr and the process exit code. */
import {ExitCode, formatIssue, isMaestroError} from '../api/errors.js'
import {closest} from '../model/did-you-mean.js'

export interface RenderedError {
  readonly lines: string[]
  readonly exit: number
}

/** The command that failed, so a usage error can say what it expected and name the fix. */
export interface UsageContext {
  /** `maestro env` */
  readonly command: string
  /** Its long and short flag spellings: `--converge`, `-c`. */
  readonly flags: readonly string[]
}

interface OclifLike {
  readonly message: string
  readonly oclif?: {readonly exit?: number}
  readonly code?: string
  /** NonExistentFlagsError */
  readonly flags?: readonly string[]
  /** RequiredArgsError */
  readonly args?: readonly {readonly name: string; readonly description?: string}[]
}

const stackOf = (e: unknown): string[] => {
  const lines: string[] = []
  for (let cur = e; cur instanceof Error; cur = cur.cause) lines.push(...(cur.stack ?? '').split('\n'))
  return lines
}

/** A YAML or template error located in the file is a configuration problem like the others: listed, then the summary. */
const LOCATED_CONFIG_CODES = new Set(['MAESTRO_CONFIG_YAML', 'MAESTRO_CONFIG_TEMPLATE'])

/** One `ERROR:` line (config errors: every issue, then a summary); stack traces only with `debug`. */
export function renderError(e: unknown, debug: boolean, usage?: UsageContext): RenderedError {
  const trace = debug ? stackOf(e) : []
  if (isMaestroError(e)) {
    const issues = e.issues.length > 0 ? e.issues : LOCATED_CONFIG_CODES.has(e.code) && e.loc ? [{severity: 'error' as const, message: e.message}] : []
    if (issues.length > 0) {
      const lines = issues.flatMap((i) => (i.sourceLine ? [formatIssue(i), `    ${i.sourceLine}`] : [formatIssue(i)]))
      const n = issues.filter((i) => i.severity === 'error').length
      return {lines: [...lines, `ERROR: invalid configuration: ${n} problem${n === 1 ? '' : 's'} found`, ...trace], exit: e.exit}
    }
    const hint = e.hint ? ` (${e.hint})` : ''
    return {lines: [`ERROR: ${oneLine(e.message)}${hint}`, ...trace], exit: e.exit}
  }
  const o = e as OclifLike
  if (o && typeof o.oclif?.exit === 'number') {
    // oclif parse and usage errors: one line saying what was expected, and the fix
    return {lines: [`ERROR: ${usageLine(o, usage)}`, ...trace], exit: o.oclif.exit}
  }
  const message = e instanceof Error ? e.message : String(e)
  return {lines: [`ERROR: ${oneLine(message)}`, ...trace], exit: ExitCode.ACTION_FAILED}
}

/** oclif's parse errors, reworded: `unknown flag --convrge (did you mean --converge?)`, `missing INSTANCE ...`. */
function usageLine(o: OclifLike, usage: UsageContext | undefined): string {
  const help = usage ? ` (see ${usage.command} --help)` : ''
  if (Array.isArray(o.flags) && o.flags.length > 0) {
    return o.flags
      .map((f) => {
        // one-letter flags are too close to each other for a suggestion to mean anything
        const near = usage && f.startsWith('--') ? closest(f, usage.flags.filter((k) => k.startsWith('--'))) : undefined
        return `unknown flag ${f}${near ? ` (did you mean ${near}?)` : help}`
      })
      .join('; ')
  }
  if (Array.isArray(o.args) && o.args.length > 0 && /^Missing \d+ required arg/.test(o.message)) {
    const names = o.args.map((a) => `${a.name.toUpperCase()}${a.description ? ` (${a.description})` : ''}`).join(', ')
    const what = o.args.map((a) => a.name.toUpperCase()).join(' ')
    return `missing ${names}${usage ? `: usage: ${usage.command} ${what}` : ''}`
  }
  const parsing = /^Parsing (--\S+)\s*\n\s*(.+)/.exec(o.message)
  if (parsing) return `invalid value for ${parsing[1]}: ${lowerFirst(parsing[2].trim())}${help}`
  const option = /^Expected (.+) to be one of: (.+)$/m.exec(o.message)
  if (option) return `${option[1]} is not one of ${option[2]}${help}`
  return `${oneLine(o.message)}${/Unexpected argument/.test(o.message) ? help : ''}`
}

const lowerFirst = (s: string): string => s.charAt(0).toLowerCase() + s.slice(1)

/** The first meaningful line: oclif's "The following errors occurred:" headers and "See more help" footers are dropped. */
function oneLine(text: string): string {
  const lines = text.split('\n').map((l) => l.trim()).filter((l) => l !== '' && !/^See more help/.test(l))
  if (lines.length > 1 && lines[0].endsWith(':')) return lines[1]
  return lines[0] ?? text.trim()
}

/** True for oclif's own exit signal (`this.exit(n)`), which must pass through untouched. */
export const isExitSignal = (e: unknown): boolean => (e as OclifLike)?.code === 'EEXIT'

/** The usage context of a command class: its name and every flag spelling. */
export function usageContext(bin: string, id: string | undefined, flags: Record<string, {readonly char?: string}>): UsageContext {
  const spellings = Object.entries(flags).flatMap(([name, f]) => [`--${name}`, ...(f.char ? [`-${f.char}`] : [])])
  return {command: id ? `${bin} ${id}` : bin, flags: spellings}
}
