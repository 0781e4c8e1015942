import {expect} from 'chai'
import {chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {execNotifier} from '../../../plugins/notifiers/exec.js'
import {EventBus} from '../../../src/kernel/event-bus.js'
import {emitPlay, notifierContext, refs} from './play.js'

describe('exec notifier', () => {
  let dir: string
  let script: string
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'maestro-exec-n-'))
    script = join(dir, 'notify.sh')
    writeFileSync(script, `#!/bin/sh\necho "$@" >> ${dir}/args\ncat >> ${dir}/stdin\n[ "$1" != fail ]\n`)
    chmodSync(script, 0o755)
  })
  afterEach(() => rmSync(dir, {recursive: true, force: true}))

  it('runs the script on play success with formatted args and the containers as JSON on stdin', async () => {
    const bus = new EventBus()
    const n = execNotifier.create({type: 'exec', script, args: '{action} by {who} on {what}', level: 'debug'}, notifierContext())
    n.attach(bus)
    await emitPlay(bus, 'start', refs(2))
    await n.done?.()
    expect(readFileSync(join(dir, 'args'), 'utf8')).to.equal('start by alice on web-1, web-2\n')
    expect(JSON.parse(readFileSync(join(dir, 'stdin'), 'utf8'))).to.deep.equal({
      'web-1': {ship: '10.231.9.11', service: 'web'}, 'web-2': {ship: '10.231.9.12', service: 'web'},
    })
  })

  it('never passes MAESTRO_SSH_PASSPHRASE to the script', async () => {
    writeFileSync(script, `#!/bin/sh\ncat >/dev/null\necho "[$MAESTRO_SSH_PASSPHRASE] $MAESTRO_TEST_HOST_VAR" > ${dir}/env\n`)
    process.env.MAESTRO_SSH_PASSPHRASE = 'hunter2'
    process.env.MAESTRO_TEST_HOST_VAR = 'kept'
    try {
      const bus = new EventBus()
      const n = execNotifier.create({type: 'exec', script}, notifierContext())
      n.attach(bus)
      await emitPlay(bus, 'start', refs(1))
      await n.done?.()
    } finally {
      delete process.env.MAESTRO_SSH_PASSPHRASE
      delete process.env.MAESTRO_TEST_HOST_VAR
    }
    expect(readFileSync(join(dir, 'env'), 'utf8')).to.equal('[] kept\n')
  })

  it('does not run when the play fails', async () => {
    const bus = new EventBus()
    const n = execNotifier.create({type: 'exec', script, args: '{action}'}, notifierContext())
    n.attach(bus)
    await emitPlay(bus, 'start', refs(2), 'web-1')
    await n.done?.()
    expect(existsSync(join(dir, 'args'))).to.equal(false)
  })

  it('kills a script that does not finish within its timeout and fails through done()', async () => {
    const slow = join(dir, 'slow.sh')
    writeFileSync(slow, '#!/bin/sh\necho "\\033[31mstill going\\033[0m" >&2\nsleep 30\n')
    chmodSync(slow, 0o755)
    const bus = new EventBus()
    const n = execNotifier.create({type: 'exec', script: slow, timeout: 0.3}, notifierContext())
    n.attach(bus)
    await emitPlay(bus, 'start', refs(1))
    const err = await n.done?.().then(() => undefined, (e: Error) => e)
    expect(err?.message, 'its output is shown without escape sequences').to.equal(`exec notifier could not deliver the success of start: ${slow} did not finish within 0.3 s and was killed: still going`)
  })

  it('fails through done() when the script fails, unless ignore_errors', async () => {
    const bus = new EventBus()
    const n = execNotifier.create({type: 'exec', script, args: 'fail'}, notifierContext())
    n.attach(bus)
    await emitPlay(bus, 'stop', refs(1))
    const err = await n.done?.().then(() => undefined, (e: Error) => e)
    expect(err?.message).to.equal(`exec notifier could not deliver the success of stop: ${script} exited with status 1`)
    const bus2 = new EventBus()
    const quiet = execNotifier.create({type: 'exec', script, args: 'fail', ignore_errors: true}, notifierContext())
    quiet.attach(bus2)
    await emitPlay(bus2, 'stop', refs(1))
    expect(await quiet.done?.().then(() => 'ok')).to.equal('ok')
  })
})
