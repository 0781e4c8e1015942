import type {ContainerRef, EventSource, PlayEnd, PlayStart, Reporter, ReporterContext} from '../../src/api/index.js'
import {clearLine, cursorDown, cursorUp, paint, type Style} from './colors.js'
import {columnWidths, containerCell, formatHeader, formatRow, type Row, type Widths} from './table.js'
import {endStatus, failStatus, pendingStatus, skipStatus, waitingStatus} from './status.js'
import {Tally} from './summary.js'
import {systemClock, type Clock} from './clock.js'
import {isPending, phaseOf, withDuration, withElapsed} from './phase.js'
import {PlainLog} from './plain-log.js'
import {failureLines} from './failure.js'
import {pauseText, replacedText, replacementFailedText, rollbackText} from '../shared/update-words.js'

/**
 * The upstream table. On a TTY every row is redrawn in place as its container progresses, a waiting row with
 * its elapsed time and a finished one with the time it took; otherwise each state change is a timestamped line as
 * it happens (the last one with the time taken) and the table follows at the end (`status` keeps upstream's one
 * line per container).
 */
export class ConsoleReporter implements Reporter {
  private rows = new Map<string, Row>()
  private order: string[] = []
  private widths?: Widths
  private drawn = 0
  private tally = new Tally()
  private failures: string[][] = []
  /** Rows whose task has ended: a rollback's steps on them afterwards do not change them. */
  private readonly ended = new Set<string>()
  /** What the play's updates did (replaced, rolled back, paused), shown under the table. */
  private updates: {text: string; style: Style}[] = []
  private inPlay = false
  /** Why each unreachable ship is down, shown once under the table. */
  private readonly downShips = new Map<string, string>()
  private shipIps = new Map<string, string>()
  private readonly live: boolean
  /** When each row's current phase began, and what its line last showed (live). */
  private readonly since = new Map<string, number>()
  private readonly shown = new Map<string, string>()
  private stopTicking?: () => void
  /** The play acts on containers (not `status`): rows give durations, plain output logs each change. */
  private acting = false
  private readonly log = new PlainLog((line) => this.write(`${line}\n`))

  constructor(private readonly ctx: ReporterContext, private readonly clock: Clock = systemClock) {
    this.live = ctx.progress === 'tty'
  }

  attach(events: EventSource): void {
    events.on('config:loaded', (e) => {
      for (const s of Object.values(e.environment.ships)) this.shipIps.set(s.name, s.ip)
    })
    events.on('play:start', (e) => this.start(e))
    events.on('task:wait', (e) => this.progress(e.container, waitingStatus(e.waitingOn), e.at))
    events.on('task:start', (e) => this.progress(e.container, pendingStatus(e.action), e.at))
    events.on('task:progress', (e) => this.progress(e.container, `${e.message}...`, e.at))
    events.on('task:end', (e) => {
      this.tally.add(e.outcome)
      if (e.outcome === 'host down' && typeof e.data?.reason === 'string') this.downShips.set(e.container.ship, e.data.reason)
      this.finish(e.container, endStatus(e), e.at, e.durationMs, e.id)
    })
    events.on('task:fail', (e) => {
      if (e.outcome === 'unknown') this.tally.unknown++
      else if (e.outcome === 'aborted') this.tally.aborted++
      else this.tally.failed++
      const error = e.outcome === 'unknown' ? {...e.error, message: `outcome unknown: ${e.error.message}`, hint: e.error.hint, logTail: e.error.logTail} : e.error
      this.failures.push(failureLines(e.container.name, error))
      this.finish(e.container, failStatus(e), e.at, e.durationMs)
    })
    events.on('task:skip', (e) => {
      this.tally.skipped++
      this.finish(e.container, skipStatus(e), e.at)
    })
    // update:replace and update:monitor: the engine's task:progress already says them on the row
    events.on('update:replaced', (e) => {
      this.progress(e.container, replacedText(e), e.at)
      this.update(`${e.container.name}: ${replacedText(e)}`, 'green')
    })
    events.on('update:failed', (e) => this.progress(e.container, `${replacementFailedText(e.then)}...`, e.at))
    events.on('update:rollback', (e) => {
      for (const r of e.restored) this.rolledBack(r.container, r.id)
      this.serviceUpdate(e.at, e.service, rollbackText(e), 'red')
    })
    events.on('update:pause', (e) => this.serviceUpdate(e.at, e.service, pauseText(e), 'yellow'))
    events.on('play:end', (e) => this.end(e))
    // on the CLI's own stdout the command's `ERROR:` line on stderr already says it
    events.on('play:error', (e) => {
      if (this.ctx.out !== process.stdout) this.write(`${paint('red', `${e.command} failed before its play: ${e.error.message}`, this.ctx.color)}\n`)
    })
  }

  /** A service's rollback or pause: a log line as it happens off a terminal; under the table in any case. */
  private serviceUpdate(at: number, service: string, text: string, style: Style): void {
    if (this.inPlay && this.plainLog) this.log.note(at, service, text)
    this.update(`${service}: ${text}`, style)
  }

  /** Kept for under the table; outside a play (nothing to draw under) written at once. */
  private update(text: string, style: Style): void {
    if (this.inPlay) this.updates.push({text, style})
    else this.write(`${paint(style, text, this.ctx.color)}\n`)
  }

  private start(e: PlayStart): void {
    this.inPlay = true
    this.updates = []
    this.ended.clear()
    const list = e.direction === 'reverse' ? [...e.containers].reverse() : e.containers
    const numberOf = new Map(e.containers.map((c, i) => [c.name, i + 1]))
    this.acting = e.command !== 'status'
    this.order = list.map((c) => c.name)
    for (const c of list) this.rows.set(c.name, {number: numberOf.get(c.name)!, instance: c.name, service: c.service, ship: this.shipCell(c), container: '-', status: ''})
    this.widths = columnWidths(list.map((c) => ({...this.rows.get(c.name)!, container: containerCell(c.image, '0000000')})))
    this.log.start(this.order)
    if (this.plainLog) return
    this.write(formatHeader(this.widths, this.ctx.color) + '\n')
    if (!this.live) return
    this.redraw()
    this.stopTicking?.()
    this.stopTicking = this.clock.every(1000, () => this.tick())
  }

  /** Plain output of an acting play: a line per change, the table at the end. */
  private get plainLog(): boolean {
    return !this.live && this.acting
  }

  private shipCell(c: ContainerRef): string {
    return this.ctx.showHosts ? (this.shipIps.get(c.ship) ?? c.ship) : c.ship
  }

  private progress(c: ContainerRef, status: string, at: number): void {
    const row = this.rows.get(c.name)
    if (!row || this.ended.has(c.name)) return
    if (phaseOf(status) !== phaseOf(row.status)) this.since.set(c.name, at)
    this.rows.set(c.name, {...row, status})
    if (this.live) this.redrawRow(c.name)
    else if (this.plainLog) this.log.change(at, c.name, status)
  }

  private finish(c: ContainerRef, status: string, at: number, durationMs?: number, id?: string): void {
    const row = this.rows.get(c.name)
    if (!row || !this.widths) return
    this.ended.add(c.name)
    const timed = this.acting && durationMs !== undefined ? withDuration(status, durationMs) : status
    // off a terminal the table keeps upstream's status word last (scripts match `started$`); the log line has the time
    const done = {...row, status: this.live ? timed : status, container: id ? containerCell(c.image, id) : row.container}
    this.rows.set(c.name, done)
    if (this.live) this.redrawRow(c.name)
    else if (this.plainLog) this.log.change(at, c.name, timed)
    else this.write(formatRow(done, this.widths) + '\n')
  }

  /** An instance whose previous container a rollback put back: its row says so, with that container. */
  private rolledBack(c: ContainerRef, id: string): void {
    const row = this.rows.get(c.name)
    if (!row || !this.widths) return
    this.rows.set(c.name, {...row, status: 'rolled back', container: containerCell(c.image, id)})
    if (this.live) this.redrawRow(c.name)
  }

  /** A row as shown now: a waiting one with how long it has waited. */
  private view(name: string): Row {
    const row = this.rows.get(name)!
    const since = this.since.get(name)
    return isPending(row.status) && since !== undefined ? {...row, status: withElapsed(row.status, this.clock.now() - since)} : row
  }

  private line(name: string): string {
    return formatRow(this.view(name), this.widths!, this.ctx.color, this.ctx.columns)
  }

  private redraw(): void {
    if (!this.widths) return
    const lines = this.order.map((n) => this.line(n))
    this.order.forEach((n, i) => this.shown.set(n, lines[i]!))
    this.write(cursorUp(this.drawn) + lines.map((l) => `${clearLine}${l}\n`).join(''))
    this.drawn = lines.length
  }

  /** Rewrites one row in place: up to it, clear, write, back down below the table. */
  private redrawRow(name: string, line = this.line(name)): void {
    const up = this.drawn - this.order.indexOf(name)
    this.shown.set(name, line)
    this.write(`${cursorUp(up)}${clearLine}${line}\n${cursorDown(up - 1)}`)
  }

  /** Once a second: waiting rows whose elapsed time moved on. */
  private tick(): void {
    if (!this.widths) return
    for (const name of this.order) {
      const line = this.line(name)
      if (line !== this.shown.get(name)) this.redrawRow(name, line)
    }
  }

  private end(e: PlayEnd): void {
    if (!this.widths) return
    this.inPlay = false
    this.stopTicking?.()
    this.stopTicking = undefined
    if (this.plainLog) {
      this.write(formatHeader(this.widths, this.ctx.color) + '\n')
      for (const n of this.order) this.write(formatRow(this.rows.get(n)!, this.widths, this.ctx.color) + '\n')
    }
    for (const [head, ...more] of this.failures) this.write(`${paint('red', head, this.ctx.color)}\n${more.map((l) => `${l}\n`).join('')}`)
    for (const u of this.updates) this.write(`${paint(u.style, u.text, this.ctx.color)}\n`)
    for (const reason of this.downShips.values()) this.write(`${paint('red', reason, this.ctx.color)}\n`)
    const interrupted = e.interrupted ? ' (interrupted)' : ''
    this.write(`${this.tally.summary(e.stats.durationMs)}${interrupted}\n`)
  }

  private write(text: string): void {
    this.ctx.out.write(text)
  }
}
