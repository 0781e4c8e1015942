import {MaestroError, type CheckContext, type CheckSpec, type PortSpec} from '../../src/api/index.js'
import {abortReason, delay} from '../shared/abort.js'

/** Timing knobs; upstream fixes them (1 s spacing), tests shorten them. */
export interface CheckTiming {
  /** Pause between attempts. */
  readonly intervalMs: number
  /** TCP connect timeout. */
  readonly connectTimeoutMs: number
  /** How long a fresh TCP connection must stay open to count as a listener (upstream #53). */
  readonly settleMs: number
}

export const DEFAULT_TIMING: CheckTiming = {intervalMs: 1000, connectTimeoutMs: 1000, settleMs: 250}

export const checkFailed = (message: string, cause?: unknown): MaestroError =>
  new MaestroError('MAESTRO_CHECK_FAILED', message, {cause})

/** A key's rule: returns a problem or undefined. */
export type KeyRule = (value: unknown) => string | undefined

export const positiveInt: KeyRule = (v) => (Number.isInteger(v) && (v as number) > 0 ? undefined : 'must be a positive integer')
export const nonNegativeNumber: KeyRule = (v) => (typeof v === 'number' && v >= 0 ? undefined : 'must be a number of seconds')
export const positiveNumber: KeyRule = (v) => (typeof v === 'number' && v > 0 ? undefined : 'must be a positive number of seconds')
export const oneOf = (...values: string[]): KeyRule => (v) =>
  typeof v === 'string' && values.includes(v.toLowerCase()) ? undefined : `must be one of ${values.join(', ')}`
export const commandRule: KeyRule = (v) =>
  (typeof v === 'string' && v.trim() !== '') || (Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'string'))
    ? undefined
    : 'must be a command string or a list of strings'

/** Checks required keys, key rules and unknown keys; messages read `"port" must be ...` (the caller names the check). */
export function validateKeys(spec: CheckSpec, rules: Readonly<Record<string, KeyRule>>, required: readonly string[], hints: Readonly<Record<string, string>> = {}): string[] {
  const problems: string[] = []
  for (const key of required) if (spec[key] === undefined) problems.push(`missing required key "${key}"`)
  for (const [key, value] of Object.entries(spec)) {
    if (key === 'type') continue
    const rule = rules[key]
    if (!rule) {
      const hint = hints[key] ? ` (${hints[key]})` : ''
      problems.push(`unknown key "${key}"${hint}`)
      continue
    }
    if (value === undefined) continue
    const problem = rule(value)
    if (problem) problems.push(`"${key}" ${problem}`)
  }
  return problems
}

/**
 * Runs `probe` up to `attempts` times with `intervalMs` between attempts; resolves on the first success.
 * Returns the last failure reason when every attempt failed.
 */
export async function attemptLoop(attempts: number, context: CheckContext, intervalMs: number, probe: () => Promise<string | undefined>): Promise<string | undefined> {
  let last: string | undefined
  for (let attempt = 1; attempt <= attempts; attempt++) {
    if (context.signal.aborted) throw abortReason(context.signal)
    context.onAttempt?.(attempt)
    last = await probe()
    if (last === undefined) return undefined
    if (attempt < attempts) await delay(intervalMs, context.signal)
  }
  return last ?? 'failed'
}

/** A key with its default. */
export function num(spec: CheckSpec, key: string, fallback: number): number {
  const v = spec[key]
  return typeof v === 'number' ? v : fallback
}

/**
 * The host port a named port of the container is bound to. A single container port published on a wider host
 * range (`'8080:28200-28209'`, as start-first updates need) is bound to whichever port of the range Docker chose:
 * it is read from the container itself, not assumed to be the range's first (which the old container may hold).
 */
export async function boundHostPort(context: CheckContext, port: PortSpec): Promise<number> {
  const first = Number.parseInt(port.external, 10)
  if (!port.external.includes('-') || port.exposed.includes('-') || !context.containerId) return first
  const info = await context.docker.inspectContainer(context.containerId).catch(() => undefined)
  const bound = info?.NetworkSettings?.Ports?.[`${port.exposed}/${port.exposedProtocol}`]?.[0]?.HostPort
  return bound ? Number.parseInt(bound, 10) : first
}
