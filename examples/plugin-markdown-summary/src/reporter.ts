import type {Writable} from 'node:stream'
import {formatIssue, type EventSource, type Reporter} from 'maestro-ng/plugin'
import {renderSummary} from './render.js'
import type {PlaySummary, Summary} from './summary.js'

/** Listens only; writes the Markdown once, when the command ends (`done()` is awaited before exit). */
export class MarkdownReporter implements Reporter {
  private readonly summary: Summary = {plays: [], configErrors: []}
  private readonly byId = new Map<string, PlaySummary>()

  constructor(private readonly out: Writable) {}

  attach(events: EventSource): void {
    events.on('config:error', (e) => {
      const issues = e.error.issues.filter((i) => i.severity === 'error')
      this.summary.configErrors.push(...(issues.length > 0 ? issues.map(formatIssue) : [e.error.message]))
    })
    events.on('play:start', (e) => {
      const play: PlaySummary = {
        command: e.command, environment: e.environment, user: e.user, startedAt: e.at,
        containers: e.containers.map((c) => ({name: c.name, ship: c.ship})), rows: new Map(),
      }
      this.byId.set(e.playId, play)
      this.summary.plays.push(play)
    })
    events.on('task:end', (e) => {
      const outcome = e.detail ? `${e.outcome} ${e.detail}` : e.outcome
      this.byId.get(e.playId)?.rows.set(e.container.name, {container: e.container.name, ship: e.container.ship, action: e.action, outcome, status: 'ok', durationMs: e.durationMs})
    })
    events.on('task:fail', (e) => {
      this.byId.get(e.playId)?.rows.set(e.container.name, {container: e.container.name, ship: e.container.ship, action: e.action, outcome: 'failed', status: 'failed', durationMs: e.durationMs, error: e.error.message})
    })
    events.on('task:skip', (e) => {
      this.byId.get(e.playId)?.rows.set(e.container.name, {container: e.container.name, ship: e.container.ship, action: e.action, outcome: `skipped (${e.reason})`, status: 'skipped'})
    })
    events.on('play:end', (e) => {
      const play = this.byId.get(e.playId)
      if (!play) return
      play.durationMs = e.stats.durationMs
      play.interrupted = e.interrupted
      if (e.error) play.error = e.error.message
    })
  }

  done(): Promise<void> {
    const text = renderSummary(this.summary)
    return new Promise((resolve, reject) => this.out.write(text, (error) => (error ? reject(error) : resolve())))
  }
}
