import {expect} from 'chai'
import {consoleReporter} from '../../../plugins/reporter-console/index.js'
import {ConsoleReporter} from '../../../plugins/reporter-console/console-reporter.js'
import {statusStyle, stripAnsi} from '../../../plugins/reporter-console/colors.js'
import {attached, Capture, reporterContext} from '../../helpers/reporter-events.js'
import {EventBus} from '../../../src/kernel/event-bus.js'
import {emitUpdate, HALTED, PAUSE_HINT, REASON, U0, W1} from '../../helpers/update-events.js'

const plain = (then: 'rollback' | 'pause'): string[] => {
  const {out, emit} = attached(consoleReporter, {progress: 'plain', columns: 160})
  emitUpdate(emit, then)
  return out.text.split('\n')
}

const LOG_TAIL = ['  | listening on :8080', '  | db unreachable', '  maestro logs web-2 shows more']
const REPLACED = 'web-1: replaced aaa111 -> bbb111 (previous kept as web-1.previous)'

describe('ConsoleReporter on update:* events', () => {
  it('off a terminal logs the replacement and the rollback as they happen, then the rolled-back row and what the update did under the table', () => {
    const lines = plain('rollback')
    expect(lines.slice(10)).to.deep.equal([
      `2026-12-07T09:33:29.510Z ${REPLACED}`,
      '2026-12-07T09:33:29.510Z web-1: recreated (changed: env.VERSION; start-first) (12.5s)',
      '2026-12-07T09:33:29.520Z web-2: replacing (start-first)...',
      '2026-12-07T09:33:32.520Z web-2: replacement failed, rolling back...',
      `2026-12-07T09:33:33.000Z web:   rolled back web-1: ${REASON}`,
      '2026-12-07T09:33:33.010Z web-2: container did not start! (16.0s)',
      `2026-12-07T09:33:33.020Z web-3: skipped ${HALTED} (16.0s)`,
      '  #  INSTANCE  SERVICE  SHIP   CONTAINER    STATUS',
      '  1  web-1     web      ship1  1.5:aaa111   rolled back',
      '  2  web-2     web      ship2  -            container did not start!',
      `  3  web-3     web      ship1  1.5:aaa333   skipped ${HALTED}`,
      `${REASON}; rolled back the update of web (previous containers put back: web-1 (aaa111))`,
      ...LOG_TAIL,
      REPLACED,
      `web: rolled back web-1: ${REASON}`,
      '1 recreated, 1 skipped, 1 failed in 16.1s',
      '',
    ])
    expect(lines.join('\n'), "a rollback's steps on an ended row are not new lines").not.to.contain('renaming aaa111')
  })

  it('says a paused update, what was not replaced and how to go on', () => {
    const lines = plain('pause')
    const paused = `update paused: ${REASON}; not replaced: web-3 (${PAUSE_HINT})`
    expect(lines).to.include('2026-12-07T09:33:32.520Z web-2: replacement failed, pausing...')
    expect(lines).to.include(`2026-12-07T09:33:32.520Z web:   ${paused}`)
    expect(lines).to.include('  1  web-1     web      ship1  1.5:bbb111   recreated (changed: env.VERSION; start-first)')
    expect(lines.slice(-4)).to.deep.equal([REPLACED, `web: ${paused}`, '1 recreated, 1 skipped, 1 failed in 16.1s', ''])
    expect(lines.join('\n')).not.to.match(/\x1b/)
  })

  it('on a terminal redraws the rows in place and writes what the update did under the table, in colour', () => {
    const out = new Capture()
    const bus = new EventBus()
    new ConsoleReporter(reporterContext(out, {progress: 'tty', isTTY: true, color: true, columns: 160}), {now: () => U0, every: () => () => undefined}).attach(bus)
    emitUpdate((e, p) => bus.emit(e, p), 'rollback')
    expect(out.text).to.contain('\x1b[32mreplaced aaa111 -> bbb111 (previous kept as web-1.previous)\x1b[0m')
    expect(out.text).to.contain('\x1b[31mreplacement failed, rolling back...\x1b[0m')
    expect(out.text).to.contain('\x1b[2K  1  web-1     web      ship1  1.5:aaa111   \x1b[33mrolled back\x1b[0m\n')
    const tail = out.text.slice(out.text.lastIndexOf(HALTED))
    expect(tail.split('\n').slice(1)).to.deep.equal([
      `\x1b[31m${REASON}; rolled back the update of web (previous containers put back: web-1 (aaa111))\x1b[0m`, ...LOG_TAIL,
      `\x1b[32m${REPLACED}\x1b[0m`,
      `\x1b[31mweb: rolled back web-1: ${REASON}\x1b[0m`,
      '1 recreated, 1 skipped, 1 failed in 16.1s',
      '',
    ])
    expect(stripAnsi(out.text)).not.to.match(/^\d{4}-\d\d-\d\dT/m)
    expect(stripAnsi(out.text)).not.to.contain('renaming aaa111')
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

  it('colours replaced rows green, failed replacements red and rolled-back rows yellow', () => {
    expect(statusStyle('replaced aaa111 -> bbb111')).to.equal('green')
    expect(statusStyle('replacement failed, pausing...')).to.equal('red')
    expect(statusStyle('rolled back')).to.equal('yellow')
  })
})
