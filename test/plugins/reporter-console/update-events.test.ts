import {expect} from 'chai'
import {consoleReporter} from '../../../plugins/reporter-console/index.js'
import {ConsoleReporter} from '../../../plugins/reporter-console/console-reporter.js'
import {statusStyle, stripAnsi} from '../../../plugins/reporter-console/colors.js'
import {attached, Capture, reporterContext} from '../../helpers/reporter-events.js'
import {EventBus} from '../../../src/kernel/event-bus.js'
import {emitUpdate, PAUSE_HINT, REASON, U0, W1} from '../../helpers/update-events.js'

const plain = (then: 'rollback' | 'pause'): string[] => {
  const {out, emit} = attached(consoleReporter, {progress: 'plain', columns: 160})
  emitUpdate(emit, then)
  return out.text.split('\n')
}

const FAILURE = [REASON, '  | listening on :8080', '  | db unreachable', '  maestro logs web-2 shows more']

describe('ConsoleReporter on update:* events', () => {
  it('off a terminal logs each step of a replacement and the rollback as they happen, then says them under the table', () => {
    expect(plain('rollback')).to.deep.equal([
      '2026-12-07T09:33:17.000Z web-1: starting...',
      '2026-12-07T09:33:17.010Z web-1: replacing aaa111 (start-first, batch 1)...',
      '2026-12-07T09:33:19.010Z web-1: monitoring bbb111 for 10s...',
      '2026-12-07T09:33:29.510Z web-1: replaced aaa111 -> bbb111 (previous kept as web-1.previous)',
      '2026-12-07T09:33:29.510Z web-1: recreated (12.5s)',
      '2026-12-07T09:33:29.510Z web-2: starting...',
      '2026-12-07T09:33:29.520Z web-2: replacing aaa222 (start-first, batch 2)...',
      '2026-12-07T09:33:32.520Z web-2: replacement failed, rolling back...',
      '2026-12-07T09:33:32.520Z web-2: container did not start! (3.0s)',
      `2026-12-07T09:33:33.000Z web:   rolled back web-1: ${REASON}`,
      '2026-12-07T09:33:33.000Z web-3: skipped (web-2 failed)',
      '  #  INSTANCE  SERVICE  SHIP   CONTAINER    STATUS',
      '  1  web-1     web      ship1  1.5:bbb111   recreated',
      '  2  web-2     web      ship2  -            container did not start!',
      '  3  web-3     web      ship1  -            skipped (web-2 failed)',
      ...FAILURE,
      'web-1: replaced aaa111 -> bbb111 (previous kept as web-1.previous)',
      `web: rolled back web-1: ${REASON}`,
      '1 recreated, 1 failed, 1 skipped in 16.1s',
      '',
    ])
  })

  it('says a paused update, what was not replaced and how to go on', () => {
    const lines = plain('pause')
    const paused = `update paused: ${REASON}; not replaced: web-3 (${PAUSE_HINT})`
    expect(lines).to.include('2026-12-07T09:33:32.520Z web-2: replacement failed, pausing...')
    expect(lines).to.include(`2026-12-07T09:33:32.520Z web:   ${paused}`)
    expect(lines.slice(-4)).to.deep.equal(['web-1: replaced aaa111 -> bbb111 (previous kept as web-1.previous)', `web: ${paused}`, '1 recreated, 1 failed, 1 skipped in 16.1s', ''])
    expect(lines.join('\n')).not.to.match(/\x1b/)
  })

  it('on a terminal keeps the rows in place and writes the update lines under the table, in colour', () => {
    const out = new Capture()
    const bus = new EventBus()
    new ConsoleReporter(reporterContext(out, {progress: 'tty', isTTY: true, color: true, columns: 160}), {now: () => U0, every: () => () => undefined}).attach(bus)
    emitUpdate((e, p) => bus.emit(e, p), 'rollback')
    expect(stripAnsi(out.text)).to.contain('  1  web-1     web      ship1  -            monitoring bbb111 for 10s...\n')
    expect(out.text).to.contain('\x1b[32mreplaced aaa111 -> bbb111 (previous kept as web-1.previous)\x1b[0m')
    expect(out.text).to.contain('\x1b[31mreplacement failed, rolling back...\x1b[0m')
    const tail = out.text.slice(out.text.lastIndexOf('skipped (web-2 failed)'))
    expect(tail.split('\n').slice(1)).to.deep.equal([
      `\x1b[31m${FAILURE[0]}\x1b[0m`, ...FAILURE.slice(1),
      '\x1b[32mweb-1: replaced aaa111 -> bbb111 (previous kept as web-1.previous)\x1b[0m',
      `\x1b[31mweb: rolled back web-1: ${REASON}\x1b[0m`,
      '1 recreated, 1 failed, 1 skipped in 16.1s',
      '',
    ])
    expect(stripAnsi(out.text)).not.to.match(/^\d{4}-\d\d-\d\dT/m)
  })

  it('names what could not be put back, and writes a rollback outside a play at once', () => {
    const {out, emit} = attached(consoleReporter, {progress: 'plain'})
    const restored = [{container: W1, id: 'aaa111', removedId: 'bbb111'}]
    const failed = [{container: {...W1, name: 'web-2'}, error: 'no previous container'}]
    emit('update:rollback', {playId: 'r', at: U0, service: 'web', trigger: 'command', reason: 'maestro rollback', restored, failed})
    emit('update:rollback', {playId: 'r', at: U0, service: 'api', trigger: 'failure', reason: 'api-1 exited', restored: [], failed: []})
    expect(out.text).to.equal([
      'web: rolled back web-1: maestro rollback; could not put back web-2 (no previous container)',
      'api: rolled back (no instance had been replaced): api-1 exited',
      '',
    ].join('\n'))
  })

  it('colours replaced rows green and failed replacements red', () => {
    expect(statusStyle('replaced aaa111 -> bbb111')).to.equal('green')
    expect(statusStyle('replacement failed, pausing...')).to.equal('red')
    expect(statusStyle('replacing aaa111 (start-first, batch 1)...')).to.equal('dim')
  })
})
