import {isAbsolute, relative} from 'node:path'
import type {Writable} from 'node:stream'
import {formatIssue, type EventSource, type Reporter} from 'maestro-ng/plugin'
import {renderTap, type Point} from './tap.js'

export interface TapOptions {
  readonly version: 13 | 14
  /** Adds a `# command environment (N containers)` comment per play. */
  readonly comments: boolean
}

/** `--reporter-option tap.version=13`, `tap.comments=false`; values arrive as strings from the command line. */
export function tapOptions(options: Readonly<Record<string, unknown>>): TapOptions {
  const version = String(options.version ?? '14')
  if (version !== '13' && version !== '14') throw new Error(`tap reporter: version must be 13 or 14, not ${JSON.stringify(version)}`)
  return {version: version === '13' ? 13 : 14, comments: String(options.comments ?? 'true') !== 'false'}
}

/** `file:line:col`, the file relative to the working directory when it lies under it (as a CI log shows paths). */
function at(e: {readonly loc?: {readonly file: string; readonly line: number; readonly column: number}}): string | undefined {
  if (!e.loc) return undefined
  const rel = relative(process.cwd(), e.loc.file)
  const file = rel === '' || rel.startsWith('..') || isAbsolute(rel) ? e.loc.file : rel
  return `${file}:${e.loc.line}:${e.loc.column}`
}

/**
 * One test point per container action, in the order they finished; a failure before a play (`play:error`) or of
 * the configuration (`config:error`) is a `not ok` point too, so a failed command never reads as `1..0`.
 * The plan is known only at the end, so the whole stream is written by `done()`.
 */
export class TapReporter implements Reporter {
  private readonly points: Point[] = []
  private readonly comments: string[] = []

  constructor(private readonly out: Writable, private readonly options: TapOptions) {}

  attach(events: EventSource): void {
    events.on('config:error', (e) => {
      const issues = e.error.issues.filter((i) => i.severity === 'error')
      const message = issues.length > 0 ? issues.map(formatIssue).join('\n') : e.error.message
      this.points.push({ok: false, description: `configuration ${e.file}`, diagnostic: {message, severity: 'fail', code: e.error.code, at: at(e.error)}})
    })
    events.on('play:start', (e) => {
      if (this.options.comments) this.comments.push(`${e.command} ${e.environment} (${e.containers.length} container${e.containers.length === 1 ? '' : 's'})`)
    })
    events.on('task:end', (e) => {
      this.points.push({ok: true, description: `${e.action} ${e.container.name} on ${e.container.ship}: ${e.detail ? `${e.outcome} ${e.detail}` : e.outcome}`})
    })
    events.on('task:fail', (e) => {
      this.points.push({
        ok: false, description: `${e.action} ${e.container.name} on ${e.container.ship}`,
        diagnostic: {message: e.error.message, severity: 'fail', code: 'code' in e.error ? String(e.error.code) : undefined, container: e.container.name, ship: e.container.ship, duration_ms: e.durationMs},
      })
    })
    events.on('task:skip', (e) => {
      this.points.push({ok: true, description: `${e.action} ${e.container.name} on ${e.container.ship}`, skip: e.reason})
    })
    events.on('play:end', (e) => {
      // an error of the play itself, not of one container (already a `not ok` point), e.g. `--timeout`
      if (e.error && e.stats.failed === 0) {
        this.points.push({ok: false, description: `${e.command}`, diagnostic: {message: e.error.message, severity: 'fail', code: e.error.code, at: at(e.error)}})
      }
    })
    events.on('play:error', (e) => {
      this.points.push({
        ok: false, description: `${e.command}${e.environment ? ` ${e.environment}` : ''}`,
        diagnostic: {message: e.error.message, severity: 'fail', code: e.error.code, at: at(e.error)},
      })
    })
  }

  done(): Promise<void> {
    const text = renderTap(this.options.version, this.points, this.comments)
    return new Promise((resolve, reject) => this.out.write(text, (error) => (error ? reject(error) : resolve())))
  }
}
