import {describeError, MaestroError, type EventSource, type Notifier, type NotifierContext} from '../../src/api/index.js'
import type {AuditEvent, AuditLevel} from './audit-event.js'

/** Where a notifier delivers; `accepts` narrows which events it handles (http: actions only; exec: play success). */
export interface AuditSink {
  readonly type: string
  accepts?(event: AuditEvent): boolean
  deliver(event: AuditEvent): Promise<void>
}

/** Read-only commands are not audited. */
const AUDITED = new Set(['start', 'stop', 'kill', 'restart', 'clean', 'pull'])

export interface AuditOptions {
  readonly level: AuditLevel
  readonly ignoreErrors: boolean
}

/** `level` (info|debug, default info) and `ignore_errors` from an `audit:` entry, normalized or raw. */
export function auditOptions(spec: Readonly<Record<string, unknown>>): AuditOptions {
  const level = String(spec.level ?? 'info').toLowerCase() === 'debug' ? 'debug' : 'info'
  const ignore = spec.ignoreErrors ?? spec.ignore_errors
  return {level, ignoreErrors: ignore === true}
}

/**
 * Turns play events into audit events for one sink: `play:start` → action, `play:end` → success or error
 * (INFO); `task:start`/`task:end`/`task:fail` likewise (DEBUG). `level` filters actions and successes;
 * errors always go out. Deliveries run one at a time in event order. A failed delivery fails the command
 * through `done()` unless `ignore_errors` is set.
 */
export function createAuditor(sink: AuditSink, options: AuditOptions, context: NotifierContext): Notifier {
  let queue: Promise<void> = Promise.resolve()
  const failures: string[] = []
  const push = (event: AuditEvent): void => {
    if (event.kind !== 'error' && options.level === 'info' && event.level === 'debug') return
    if (sink.accepts && !sink.accepts(event)) return
    queue = queue.then(() => sink.deliver(event)).catch((e: unknown) => {
      const reason = `${sink.type} notifier could not deliver the ${event.kind} of ${event.action}: ${describeError(e)}`
      failures.push(reason)
      // without ignore_errors, done() reports it as the command's error: warning as well would say it twice
      if (options.ignoreErrors) context.log.warn(reason)
      else context.log.debug(reason)
    })
  }
  return {
    attach(events: EventSource): void {
      events.on('play:start', (e) => {
        if (AUDITED.has(e.command)) push({kind: 'action', level: 'info', scope: 'play', action: e.command, who: e.user || context.user, containers: e.containers})
      })
      events.on('play:end', (e) => {
        if (!AUDITED.has(e.command)) return
        const base = {level: 'info', scope: 'play', action: e.command, who: context.user, containers: e.containers} as const
        push(e.error ? {...base, kind: 'error', error: e.error.message} : {...base, kind: 'success'})
      })
      events.on('task:start', (e) => {
        if (AUDITED.has(e.action)) push({kind: 'action', level: 'debug', scope: 'task', action: e.action, who: context.user, containers: [e.container]})
      })
      events.on('task:end', (e) => {
        if (AUDITED.has(e.action)) push({kind: 'success', level: 'debug', scope: 'task', action: e.action, who: context.user, containers: [e.container]})
      })
      events.on('task:fail', (e) => {
        if (AUDITED.has(e.action)) push({kind: 'error', level: 'debug', scope: 'task', action: e.action, who: context.user, containers: [e.container], error: e.error.message})
      })
    },
    async done(): Promise<void> {
      await queue
      if (failures.length > 0 && !options.ignoreErrors) {
        throw new MaestroError('MAESTRO_NOTIFIER', failures[0] as string, {hint: 'set ignore_errors: true on the audit entry to carry on regardless'})
      }
    },
  }
}

/** `validate()` of a notifier: each of `keys` must be a non-empty string. */
export const missingStrings = (spec: Readonly<Record<string, unknown>>, ...keys: string[]): string[] =>
  keys.filter((k) => typeof spec[k] !== 'string' || spec[k] === '').map((k) => `"${k}" is required`)

/** A required string key of an `audit:` entry. */
export function requireString(spec: Readonly<Record<string, unknown>>, type: string, key: string): string {
  const v = spec[key]
  if (typeof v !== 'string' || v === '') throw new MaestroError('MAESTRO_NOTIFIER', `${type} notifier: "${key}" is required`)
  return v
}
