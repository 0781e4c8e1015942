import type {SourceLoc} from '../model/types.js'

/** Process exit codes (documented in the README). */
export const ExitCode = {
  OK: 0,
  ACTION_FAILED: 1,
  CONFIG: 2,
  UNREACHABLE: 3,
  /** `plan --detailed-exitcode` with something to change: not an error, and no error ever exits with it. */
  CHANGES_PENDING: 4,
  /** Another run holds the environment's deploy lock (after --lock-timeout, if any). */
  LOCKED: 5,
  /** 128 + the signal that stopped the play: SIGHUP, SIGINT (Ctrl-C), SIGTERM. */
  HANGUP: 129,
  INTERRUPTED: 130,
  TERMINATED: 143,
} as const
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode]

export type ErrorCode =
  | 'MAESTRO_CONFIG_INVALID'
  | 'MAESTRO_CONFIG_NOT_FOUND'
  | 'MAESTRO_CONFIG_TEMPLATE'
  | 'MAESTRO_CONFIG_YAML'
  | 'MAESTRO_USAGE'
  | 'MAESTRO_UNKNOWN_THING'
  | 'MAESTRO_SHIP_UNREACHABLE'
  | 'MAESTRO_DOCKER'
  | 'MAESTRO_ACTION_FAILED'
  | 'MAESTRO_CHECK_FAILED'
  | 'MAESTRO_INTERRUPTED'
  | 'MAESTRO_TIMEOUT'
  | 'MAESTRO_PLUGIN_LOAD'
  | 'MAESTRO_PLUGIN_API'
  | 'MAESTRO_PLUGIN_DUPLICATE'
  | 'MAESTRO_PLUGIN_DEPENDENCY'
  | 'MAESTRO_PLUGIN_REGISTER'
  | 'MAESTRO_NO_PROVIDER'
  | 'MAESTRO_SSH_HOST_KEY'
  | 'MAESTRO_SSH'
  | 'MAESTRO_REGISTRY'
  | 'MAESTRO_NOTIFIER'
  | 'MAESTRO_LOCKED'

const EXIT_BY_CODE: Partial<Record<ErrorCode, ExitCode>> = {
  MAESTRO_CONFIG_INVALID: ExitCode.CONFIG,
  MAESTRO_CONFIG_NOT_FOUND: ExitCode.CONFIG,
  MAESTRO_CONFIG_TEMPLATE: ExitCode.CONFIG,
  MAESTRO_CONFIG_YAML: ExitCode.CONFIG,
  MAESTRO_USAGE: ExitCode.CONFIG,
  MAESTRO_UNKNOWN_THING: ExitCode.CONFIG,
  MAESTRO_PLUGIN_API: ExitCode.CONFIG,
  MAESTRO_PLUGIN_DUPLICATE: ExitCode.CONFIG,
  MAESTRO_PLUGIN_DEPENDENCY: ExitCode.CONFIG,
  MAESTRO_PLUGIN_LOAD: ExitCode.CONFIG,
  MAESTRO_PLUGIN_REGISTER: ExitCode.CONFIG,
  MAESTRO_NO_PROVIDER: ExitCode.CONFIG,
  MAESTRO_SHIP_UNREACHABLE: ExitCode.UNREACHABLE,
  MAESTRO_SSH_HOST_KEY: ExitCode.UNREACHABLE,
  MAESTRO_SSH: ExitCode.UNREACHABLE,
  MAESTRO_INTERRUPTED: ExitCode.INTERRUPTED,
  MAESTRO_LOCKED: ExitCode.LOCKED,
}

/** One problem found in a configuration file, reported as `file:line:col: message`. */
export interface ConfigIssue {
  readonly severity: 'error' | 'warning'
  readonly message: string
  readonly loc?: SourceLoc
  /** The rendered source line, shown for templated files. */
  readonly sourceLine?: string
  /** Dotted path of the offending key, e.g. `services.web.instances.web-1.ship`. */
  readonly path?: string
}

/** Longest message of one problem line; a huge value quoted by a message is cut in the middle. */
export const MAX_ISSUE_MESSAGE = 600

export function formatIssue(issue: ConfigIssue): string {
  const where = issue.loc ? `${issue.loc.file}:${issue.loc.line}:${issue.loc.column}: ` : ''
  const sev = issue.severity === 'warning' ? 'warning: ' : ''
  const m = issue.message
  const message = m.length <= MAX_ISSUE_MESSAGE ? m : `${m.slice(0, MAX_ISSUE_MESSAGE - 100)} …(${m.length - MAX_ISSUE_MESSAGE} characters)… ${m.slice(-80)}`
  return `${where}${sev}${message}`
}

export interface MaestroErrorOptions {
  readonly loc?: SourceLoc
  readonly hint?: string
  readonly cause?: unknown
  readonly issues?: readonly ConfigIssue[]
  readonly exit?: ExitCode
  /** The last lines a failed container wrote (bounded), shown under its failure. */
  readonly logTail?: readonly string[]
}

/** The one error shape of Maestro: coded, located, and mapped to an exit code. */
export class MaestroError extends Error {
  readonly code: ErrorCode
  readonly loc?: SourceLoc
  readonly hint?: string
  readonly issues: readonly ConfigIssue[]
  readonly exit: ExitCode
  readonly logTail?: readonly string[]

  constructor(code: ErrorCode, message: string, options: MaestroErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : {cause: options.cause})
    this.name = 'MaestroError'
    this.code = code
    this.loc = options.loc
    this.hint = options.hint
    this.issues = options.issues ?? []
    this.exit = options.exit ?? EXIT_BY_CODE[code] ?? ExitCode.ACTION_FAILED
    if (options.logTail) this.logTail = options.logTail
  }
}

export const isMaestroError = (e: unknown): e is MaestroError => e instanceof Error && (e as MaestroError).name === 'MaestroError' && typeof (e as MaestroError).code === 'string'

export function configError(issues: readonly ConfigIssue[]): MaestroError {
  const errors = issues.filter((i) => i.severity === 'error')
  const first = errors[0]
  return new MaestroError('MAESTRO_CONFIG_INVALID', first ? formatIssue(first) : 'invalid configuration', {issues, loc: first?.loc})
}

export function unknownThingError(thing: string, suggestion?: string): MaestroError {
  const hint = suggestion ? ` (did you mean ${suggestion}?)` : ''
  return new MaestroError('MAESTRO_UNKNOWN_THING', `${thing} is neither a service nor a container!${hint}`)
}

export function unreachableError(ship: string, endpoint: string, cause: unknown): MaestroError {
  if (isMaestroError(cause) && (cause.code === 'MAESTRO_SHIP_UNREACHABLE' || cause.exit === ExitCode.UNREACHABLE)) return cause
  const reason = cause instanceof Error ? cause.message : String(cause)
  return new MaestroError('MAESTRO_SHIP_UNREACHABLE', `ship ${ship} (${endpoint}) is unreachable: ${reason}`, {cause})
}

/** A short, human reason for any thrown value. */
export function describeError(e: unknown): string {
  if (e instanceof Error) return e.message
  return String(e)
}
