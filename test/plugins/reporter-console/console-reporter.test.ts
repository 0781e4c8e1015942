import {expect} from 'chai'
import {PassThrough} from 'node:stream'
import {EventBus} from '../../../src/kernel/event-bus.js'
import {MaestroError, type Action, type ContainerRef, type ReporterContext} from '../../../src/api/index.js'
import {consoleReporter} from '../../../plugins/reporter-console/index.js'
import {ConsoleReporter} from '../../../plugins/reporter-console/console-reporter.js'
import type {Clock} from '../../../plugins/reporter-console/clock.js'
import {stripAnsi} from '../../../plugins/reporter-console/colors.js'

const zk: ContainerRef = {name: 'zk-1', service: 'zookeeper', ship: 'vm1', image: 'zookeeper:3.9'}
const kafka: ContainerRef = {name: 'kafka-1', service: 'kafka', ship: 'vm2', image: 'kafka'}
const T0 = Date.UTC(2026, 11, 7, 9, 33, 17, 0)
const base = {playId: 'p1', at: T0}
const at = (ms: number) => ({playId: 'p1', at: T0 + ms})

/** A clock the test moves by hand; `every` ticks only when told to. */
class FakeClock implements Clock {
  time = T0
  private ticks: (() => void)[] = []
  now(): number {
    return this.time
  }
  every(_ms: number, tick: () => void): () => void {
    this.ticks.push(tick)
    return () => (this.ticks = this.ticks.filter((t) => t !== tick))
  }
  advance(ms: number): void {
    this.time += ms
    for (const t of this.ticks) t()
  }
  get running(): number {
    return this.ticks.length
  }
}

function rig(progress: 'tty' | 'plain', color = false, clock: Clock = new FakeClock()) {
  const out = new PassThrough()
  const chunks: string[] = []
  out.on('data', (d: Buffer) => chunks.push(d.toString()))
  const ctx: ReporterContext = {out, isTTY: progress === 'tty', color, progress, columns: 120, options: {}, showHosts: false}
  const bus = new EventBus()
  new ConsoleReporter(ctx, clock).attach(bus)
  return {bus, text: () => chunks.join(''), chunks}
}

function run(progress: 'tty' | 'plain', color: boolean, direction: 'forward' | 'reverse' = 'forward', command: Action = 'start'): string {
  const out = new PassThrough()
  let text = ''
  out.on('data', (d: Buffer) => (text += d.toString()))
  const ctx: ReporterContext = {out, isTTY: progress === 'tty', color, progress, columns: 120, options: {}, showHosts: false}
  const bus = new EventBus()
  consoleReporter.create(ctx).attach(bus)
  const containers = [zk, kafka]
  bus.emit('play:start', {...base, command, containers, concurrency: 2, ordered: true, direction, environment: 'e', user: 'u'})
  bus.emit('task:start', {...base, container: zk, action: command, index: 0})
  bus.emit('task:end', {...at(1500), container: zk, action: command, outcome: 'started', id: 'abcdef0123456789', durationMs: 1500})
  bus.emit('task:start', {...at(1500), container: kafka, action: command, index: 1})
  bus.emit('task:fail', {...at(3800), container: kafka, action: command, error: new MaestroError('MAESTRO_DOCKER', 'port is taken'), durationMs: 2300})
  const stats = {total: 2, succeeded: 1, failed: 1, skipped: 0, durationMs: 4200, outcomes: {started: 1}}
  bus.emit('play:end', {...at(4200), command, containers, stats, interrupted: false})
  return text
}

describe('ConsoleReporter', () => {
  it('off a terminal logs each change with its UTC timestamp, the last with the time taken, then the table', () => {
    const text = run('plain', false)
    expect(text).not.to.match(/\x1b/)
    expect(text.split('\n')).to.deep.equal([
      '2026-12-07T09:33:17.000Z zk-1:    starting...',
      '2026-12-07T09:33:18.500Z zk-1:    started (1.5s)',
      '2026-12-07T09:33:18.500Z kafka-1: starting...',
      '2026-12-07T09:33:20.800Z kafka-1: failed! (2.3s)',
      '  #  INSTANCE  SERVICE    SHIP  CONTAINER       STATUS',
      '  1  zk-1      zookeeper  vm1   3.9:abcdef0     started',
      '  2  kafka-1   kafka      vm2   -               failed!',
      'kafka-1: port is taken',
      '1 started, 1 failed in 4.2s',
      '',
    ])
  })

  it('prints each plain line when its event comes, not at the end', () => {
    const {bus, text} = rig('plain')
    bus.emit('play:start', {...base, command: 'stop', containers: [zk], concurrency: 1, ordered: true, direction: 'forward', environment: 'e', user: 'u'})
    expect(text()).to.equal('')
    bus.emit('task:start', {...at(0), container: zk, action: 'stop', index: 0})
    expect(text()).to.equal('2026-12-07T09:33:17.000Z zk-1: stopping...\n')
    bus.emit('task:progress', {...at(250), container: zk, action: 'stop', message: 'stopping'})
    expect(text(), 'the same phase again is no new line').to.equal('2026-12-07T09:33:17.000Z zk-1: stopping...\n')
    bus.emit('task:progress', {...at(7000), container: zk, action: 'stop', message: 'pre-stop check tcp (attempt 1)'})
    bus.emit('task:progress', {...at(8000), container: zk, action: 'stop', message: 'pre-stop check tcp (attempt 2)'})
    expect(text().split('\n').slice(1)).to.deep.equal(['2026-12-07T09:33:24.000Z zk-1: pre-stop check tcp...', ''])
  })

  it('keeps status to one line per container, without durations', () => {
    const lines = run('plain', false, 'forward', 'status').split('\n')
    expect(lines[0]).to.match(/^ {2}# {2}INSTANCE/)
    expect(lines[1]).to.match(/ started$/)
    expect(lines[2]).to.match(/ failed!$/)
  })

  it('redraws rows in place with colour on a terminal', () => {
    const text = run('tty', true)
    expect(text).to.contain('\x1b[2A')
    expect(text).to.contain('\x1b[32mstarted (1.5s)\x1b[0m')
    expect(text).to.contain('starting...')
    expect(text.trimEnd().split('\n').pop()).to.equal('1 started, 1 failed in 4.2s')
  })

  it('shows on a terminal how long a row has been waiting, and stops ticking when the play ends', () => {
    const clock = new FakeClock()
    const {bus, text, chunks} = rig('tty', false, clock)
    bus.emit('play:start', {...base, command: 'stop', containers: [zk, kafka], concurrency: 1, ordered: true, direction: 'forward', environment: 'e', user: 'u'})
    bus.emit('task:start', {...at(0), container: zk, action: 'stop', index: 0})
    bus.emit('task:wait', {...at(0), container: kafka, waitingOn: ['zk-1']})
    clock.advance(7000)
    const latest = stripAnsi(text())
    expect(latest).to.match(/zk-1 +zookeeper +vm1 +- +stopping\.\.\. 7s\n/)
    expect(latest).to.contain('waiting for zk-1... 7s')
    bus.emit('task:progress', {...at(7000), container: zk, action: 'stop', message: 'pre-stop check tcp (attempt 1)'})
    clock.advance(2000)
    bus.emit('task:progress', {...at(9000), container: zk, action: 'stop', message: 'pre-stop check tcp (attempt 3)'})
    clock.advance(1000)
    expect(stripAnsi(chunks.slice(-2).join('')), 'a new attempt is the same phase').to.contain('pre-stop check tcp (attempt 3)... 3s')
    bus.emit('task:end', {...at(10_000), container: zk, action: 'stop', outcome: 'stopped', durationMs: 10_000})
    expect(stripAnsi(chunks.at(-1)!)).to.contain('stopped (10.0s)')
    const before = chunks.length
    clock.advance(1000)
    expect(chunks.length - before, 'only the waiting row is redrawn').to.equal(1)
    expect(stripAnsi(chunks.at(-1)!)).to.contain('waiting for zk-1... 11s')
    bus.emit('task:skip', {...at(11_000), container: kafka, action: 'stop', reason: 'aborted'})
    const stats = {total: 2, succeeded: 1, failed: 0, skipped: 1, durationMs: 11_000, outcomes: {stopped: 1}}
    bus.emit('play:end', {...at(11_000), command: 'stop', containers: [zk, kafka], stats, interrupted: false})
    expect(clock.running).to.equal(0)
  })

  it('lists a reverse play counting down', () => {
    const lines = run('plain', false, 'reverse').split('\n').filter((l) => /^ {2}\d/.test(l))
    expect(lines[0]).to.match(/^ {2}2 {2}kafka-1/)
    expect(lines[1]).to.match(/^ {2}1 {2}zk-1/)
  })
})
