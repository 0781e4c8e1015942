import {expect} from 'chai'
import {mkdtempSync, readFileSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {logNotifier} from '../../../plugins/notifiers/log.js'
import {EventBus} from '../../../src/kernel/event-bus.js'
import {emitPlay, notifierContext, refs} from './play.js'

const STAMP = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} /

describe('log notifier', () => {
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'maestro-log-'))
  })
  afterEach(() => rmSync(dir, {recursive: true, force: true}))

  const lines = (file: string): string[] => readFileSync(file, 'utf8').trim().split('\n')

  it('appends play-level lines at level info', async () => {
    const file = join(dir, 'audit.log')
    const bus = new EventBus()
    const n = logNotifier.create({type: 'log', file, level: 'info'}, notifierContext())
    n.attach(bus)
    await emitPlay(bus, 'stop', refs(2))
    await n.done?.()
    const got = lines(file)
    expect(got.every((l) => STAMP.test(l))).to.equal(true)
    expect(got.map((l) => l.replace(STAMP, ''))).to.deep.equal([
      'INFO: alice is stopping web-1, web-2.', 'INFO: Stop of web-1, web-2 succeeded.',
    ])
  })

  it('keeps task-level DEBUG lines with level: debug', async () => {
    const file = join(dir, 'audit.log')
    const bus = new EventBus()
    const n = logNotifier.create({type: 'log', file, level: 'debug'}, notifierContext())
    n.attach(bus)
    await emitPlay(bus, 'start', refs(1))
    await n.done?.()
    expect(lines(file).map((l) => l.replace(STAMP, ''))).to.deep.equal([
      'INFO: alice is starting web-1.', 'DEBUG: alice is starting web-1.', 'DEBUG: Start of web-1 succeeded.', 'INFO: Start of web-1 succeeded.',
    ])
  })

  it('always logs errors, the task one too', async () => {
    const file = join(dir, 'audit.log')
    const bus = new EventBus()
    const n = logNotifier.create({type: 'log', file}, notifierContext())
    n.attach(bus)
    await emitPlay(bus, 'start', refs(2), 'web-2')
    await n.done?.()
    expect(lines(file).map((l) => l.replace(STAMP, ''))).to.deep.equal([
      'INFO: alice is starting web-1, web-2.',
      'ERROR: Failed to start web-2! (message: web-2 did not start)',
      'ERROR: Failed to start web-1, web-2! (message: web-2 did not start)',
    ])
  })

  it('ignores read-only commands', async () => {
    const file = join(dir, 'audit.log')
    const bus = new EventBus()
    const n = logNotifier.create({type: 'log', file}, notifierContext())
    n.attach(bus)
    await emitPlay(bus, 'status', refs(1))
    await n.done?.()
    expect(() => readFileSync(file)).to.throw(/ENOENT/)
  })

  it('fails the command through done() unless ignore_errors', async () => {
    const file = join(dir, 'missing-dir', 'audit.log')
    for (const [spec, fails] of [[{type: 'log', file}, true], [{type: 'log', file, ignore_errors: true}, false], [{type: 'log', file, ignoreErrors: true}, false]] as const) {
      const bus = new EventBus()
      const n = logNotifier.create(spec, notifierContext())
      n.attach(bus)
      await emitPlay(bus, 'start', refs(1))
      const err = await n.done?.().then(() => undefined, (e: Error) => e)
      if (fails) {
        expect(err).to.have.property('code', 'MAESTRO_NOTIFIER')
        expect((err as Error).message).to.match(/^log notifier could not deliver the action of start: ENOENT/)
      } else expect(err).to.equal(undefined)
    }
  })

  it('requires file', () => {
    expect(() => logNotifier.create({type: 'log'}, notifierContext())).to.throw('log notifier: "file" is required')
  })
})
