import type {ContainerRef, EventSource, PlayEnd, PlayStart, Reporter, ReporterContext} from '../../src/api/index.js'
import {clearLine, cursorDown, cursorUp, paint} from './colors.js'
import {columnWidths, containerCell, formatHeader, formatRow, type Row, type Widths} from './table.js'
import {endStatus, failStatus, pendingStatus, skipStatus, waitingStatus} from './status.js'
import {Tally} from './summary.js'

/**
 * The upstream table. On a TTY every row is redrawn in place as its container progresses;
 * otherwise each container's final status is printed once, as a plain line.
 */
export class ConsoleReporter implements Reporter {
  private rows = new Map<string, Row>()
  private order: string[] = []
  private widths?: Widths
  private drawn = 0
  private tally = new Tally()
  private failures: string[] = []
  /** Why each unreachable ship is down, shown once under the table. */
  private readonly downShips = new Map<string, string>()
  private shipIps = new Map<string, string>()
  private readonly live: boolean

  constructor(private readonly ctx: ReporterContext) {
    this.live = ctx.progress === 'tty'
  }

  attach(events: EventSource): void {
    events.on('config:loaded', (e) => {
      for (const s of Object.values(e.environment.ships)) this.shipIps.set(s.name, s.ip)
    })
    events.on('play:start', (e) => this.start(e))
    events.on('task:wait', (e) => this.progress(e.container, waitingStatus(e.waitingOn)))
    events.on('task:start', (e) => this.progress(e.container, pendingStatus(e.action)))
    events.on('task:progress', (e) => this.progress(e.container, `${e.message}...`))
    events.on('task:end', (e) => {
      this.tally.add(e.outcome)
      if (e.outcome === 'host down' && typeof e.data?.reason === 'string') this.downShips.set(e.container.ship, e.data.reason)
      this.finish(e.container, endStatus(e), e.id)
    })
    events.on('task:fail', (e) => {
      if (e.outcome === 'unknown') this.tally.unknown++
      else if (e.outcome === 'aborted') this.tally.aborted++
      else this.tally.failed++
      const m = e.outcome === 'unknown' ? `outcome unknown: ${e.error.message}` : e.error.message
      this.failures.push(m.startsWith(`${e.container.name}:`) ? m : `${e.container.name}: ${m}`)
      this.finish(e.container, failStatus(e))
    })
    events.on('task:skip', (e) => {
      this.tally.skipped++
      this.finish(e.container, skipStatus(e))
    })
    events.on('play:end', (e) => this.end(e))
    // on the CLI's own stdout the command's `ERROR:` line on stderr already says it
    events.on('play:error', (e) => {
      if (this.ctx.out !== process.stdout) this.write(`${paint('red', `${e.command} failed before its play: ${e.error.message}`, this.ctx.color)}\n`)
    })
  }

  private start(e: PlayStart): void {
    const list = e.direction === 'reverse' ? [...e.containers].reverse() : e.containers
    const numberOf = new Map(e.containers.map((c, i) => [c.name, i + 1]))
    this.order = list.map((c) => c.name)
    for (const c of list) this.rows.set(c.name, {number: numberOf.get(c.name)!, instance: c.name, service: c.service, ship: this.shipCell(c), container: '-', status: ''})
    this.widths = columnWidths(list.map((c) => ({...this.rows.get(c.name)!, container: containerCell(c.image, '0000000')})))
    this.write(formatHeader(this.widths, this.ctx.color) + '\n')
    if (this.live) this.redraw()
  }

  private shipCell(c: ContainerRef): string {
    return this.ctx.showHosts ? (this.shipIps.get(c.ship) ?? c.ship) : c.ship
  }

  private progress(c: ContainerRef, status: string): void {
    const row = this.rows.get(c.name)
    if (!row || !this.live) return
    this.rows.set(c.name, {...row, status})
    this.redrawRow(c.name)
  }

  private finish(c: ContainerRef, status: string, id?: string): void {
    const row = this.rows.get(c.name)
    if (!row || !this.widths) return
    const done = {...row, status, container: id ? containerCell(c.image, id) : row.container}
    this.rows.set(c.name, done)
    if (this.live) this.redrawRow(c.name)
    else this.write(formatRow(done, this.widths) + '\n')
  }

  private redraw(): void {
    if (!this.widths) return
    const lines = this.order.map((n) => formatRow(this.rows.get(n)!, this.widths!, this.ctx.color, this.ctx.columns))
    this.write(cursorUp(this.drawn) + lines.map((l) => `${clearLine}${l}\n`).join(''))
    this.drawn = lines.length
  }

  /** Rewrites one row in place: up to it, clear, write, back down below the table. */
  private redrawRow(name: string): void {
    const up = this.drawn - this.order.indexOf(name)
    const line = formatRow(this.rows.get(name)!, this.widths!, this.ctx.color, this.ctx.columns)
    this.write(`${cursorUp(up)}${clearLine}${line}\n${cursorDown(up - 1)}`)
  }

  private end(e: PlayEnd): void {
    if (!this.widths) return
    for (const f of this.failures) this.write(`${paint('red', f, this.ctx.color)}\n`)
    for (const reason of this.downShips.values()) this.write(`${paint('red', reason, this.ctx.color)}\n`)
    const interrupted = e.interrupted ? ' (interrupted)' : ''
    this.write(`${this.tally.summary(e.stats.durationMs)}${interrupted}\n`)
  }

  private write(text: string): void {
    this.ctx.out.write(text)
  }
}
