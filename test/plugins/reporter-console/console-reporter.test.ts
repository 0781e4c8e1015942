import {expect} from 'chai'
import {PassThrough} from 'node:stream'
import {EventBus} from '../../../src/kernel/event-bus.js'
import {MaestroError, type ContainerRef, type ReporterContext} from '../../../src/api/index.js'
import {consoleReporter} from '../../../plugins/reporter-console/index.js'

const zk: ContainerRef = {name: 'zk-1', service: 'zookeeper', ship: 'vm1', image: 'zookeeper:3.9'}
const kafka: ContainerRef = {name: 'kafka-1', service: 'kafka', ship: 'vm2', image: 'kafka'}
const base = {playId: 'p1', at: 0}

function run(progress: 'tty' | 'plain', color: boolean, direction: 'forward' | 'reverse' = 'forward'): string {
  const out = new PassThrough()
  let text = ''
  out.on('data', (d: Buffer) => (text += d.toString()))
  const ctx: ReporterContext = {out, isTTY: progress === 'tty', color, progress, columns: 120, options: {}, showHosts: false}
  const bus = new EventBus()
  consoleReporter.create(ctx).attach(bus)
  const containers = [zk, kafka]
  bus.emit('play:start', {...base, command: 'start', containers, concurrency: 2, ordered: true, direction, environment: 'e', user: 'u'})
  bus.emit('task:start', {...base, container: zk, action: 'start', index: 0})
  bus.emit('task:end', {...base, container: zk, action: 'start', outcome: 'started', id: 'abcdef0123456789', durationMs: 5})
  bus.emit('task:start', {...base, container: kafka, action: 'start', index: 1})
  bus.emit('task:fail', {...base, container: kafka, action: 'start', error: new MaestroError('MAESTRO_DOCKER', 'port is taken'), durationMs: 5})
  const stats = {total: 2, succeeded: 1, failed: 1, skipped: 0, durationMs: 4200, outcomes: {started: 1}}
  bus.emit('play:end', {...base, command: 'start', containers, stats, interrupted: false})
  return text
}

describe('ConsoleReporter', () => {
  it('prints plain lines without ANSI codes off a terminal', () => {
    const text = run('plain', false)
    expect(text).not.to.match(/\x1b/)
    expect(text.split('\n')).to.deep.equal([
      '  #  INSTANCE  SERVICE    SHIP  CONTAINER       STATUS',
      '  1  zk-1      zookeeper  vm1   3.9:abcdef0     started',
      '  2  kafka-1   kafka      vm2   -               failed!',
      'kafka-1: port is taken',
      '1 started, 1 failed in 4.2s',
      '',
    ])
  })

  it('redraws rows in place with colour on a terminal', () => {
    const text = run('tty', true)
    expect(text).to.contain('\x1b[2A')
    expect(text).to.contain('\x1b[32mstarted\x1b[0m')
    expect(text).to.contain('starting...')
    expect(text.trimEnd().split('\n').pop()).to.equal('1 started, 1 failed in 4.2s')
  })

  it('lists a reverse play counting down', () => {
    const lines = run('plain', false, 'reverse').split('\n')
    expect(lines[0]).to.match(/^ {2}#/)
    expect(lines[1]).to.match(/^ {2}1 {2}zk-1/)
    expect(lines[2]).to.match(/^ {2}2 {2}kafka-1/)
  })
})
