import {expect} from 'chai'
import {rmSync, writeFileSync} from 'node:fs'
import {dirname, join} from 'node:path'
import {useLab, writeLabEnvironment, type Lab} from '../../helpers/lab.js'
import {maestro, spawnMaestro, type RunningCli} from '../../helpers/cli.js'
import {labClient} from '../lab-client.js'
import type {DockerClient} from '../../../src/api/index.js'

/** Polls `probe` until it holds, at most `ms` (a bound, not a sleep standing in for synchronisation). */
async function until(what: string, probe: () => Promise<boolean>, ms = 60_000): Promise<void> {
  const end = Date.now() + ms
  while (!(await probe())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 200))
  }
}

const sawStderr = (run: RunningCli, text: string): Promise<void> => new Promise((resolve) => {
  let err = ''
  run.child.stderr.on('data', (d: Buffer) => {
    err += d.toString()
    if (err.includes(text)) resolve()
  })
})

describe('@e2e deploy lock on the lab', function () {
  this.timeout(180_000)
  let lab: Lab
  let file: string
  let go: string
  let ship1: DockerClient
  const p = `lock${process.pid}`
  const marker = `maestro-lock-${p}`
  const cli = (...args: string[]) => maestro(['-f', file, ...args])
  const held = async () => (await ship1.inspectContainer(marker)) !== undefined
  // the running check passes once the test creates `go`: until then a start holds the lock
  const body = () => `services:
  ${p}-web:
    image: ${lab.image}
    instances: {${p}-web-1: {ship: ship1, command: sleep 3600, stop_timeout: 1}}
    lifecycle:
      running: [{type: exec, command: 'test -f ${go}', attempts: 170}]
`

  before(async function () {
    lab = await useLab({ships: 2, context: this})
    ship1 = labClient(lab, lab.ships[0]!)
    file = writeLabEnvironment(lab, 'services: {}\n', {ships: 2, name: p})
    go = join(dirname(file), 'go')
    file = writeLabEnvironment(lab, body(), {ships: 2, name: p, dir: dirname(file)})
  })

  after(async () => {
    writeFileSync(go, '')
    await cli('kill', '-a')
    await cli('clean')
    const m = await ship1.inspectContainer(marker)
    if (m) await ship1.removeContainer(m.Id, {force: true})
    await ship1.close()
    rmSync(dirname(file), {recursive: true, force: true})
  })

  it('a second start exits 5 naming the holder while status and plan still run; with --lock-timeout it waits, then succeeds', async () => {
    rmSync(go, {force: true})
    const first = spawnMaestro(['-f', file, 'start'])
    await until('the first start to hold the lock', held)

    const second = await cli('start')
    expect(second.code, second.stderr).to.equal(5)
    const errors = second.stderr.split('\n').filter((l) => l.startsWith('ERROR:'))
    expect(errors, second.stderr).to.have.length(1)
    expect(errors[0], errors[0]).to.match(new RegExp(`^ERROR: environment ${p} is locked on ship ship1 by \\S+@\\S+ pid ${first.child.pid}, maestro start, \\S+ ago \\(wait with --lock-timeout SECONDS[^)]*\\)$`))
    expect(second.stdout).to.not.match(/created|started/)

    expect((await cli('status')).code).to.equal(0)
    expect((await cli('plan')).code).to.equal(0)

    const waiting = spawnMaestro(['-f', file, 'start', '--lock-timeout', '150'])
    await sawStderr(waiting, `waiting up to 150 s for the deploy lock of ${p} on ship ship1, held by`)
    writeFileSync(go, '')
    const a = await first.done
    expect(a.code, a.stderr).to.equal(0)
    const b = await waiting.done
    expect(b.code, b.stderr).to.equal(0)
    expect(await held()).to.equal(false)
  })

  it('SIGTERM during start releases the lock', async () => {
    rmSync(go, {force: true})
    expect((await cli('kill', '-a')).code).to.equal(0)
    expect((await cli('clean')).code).to.equal(0)
    const run = spawnMaestro(['-f', file, 'start'])
    await until('start to hold the lock', held)
    run.child.kill('SIGTERM')
    const r = await run.done
    expect(r.code, r.stderr).to.equal(143)
    expect(await held()).to.equal(false)
    writeFileSync(go, '')
    const again = await cli('start')
    expect(again.code, again.stderr).to.equal(0)
  })

  it('a SIGKILLed holder\'s lock is shown stale by lock status and removed by lock release --yes', async () => {
    rmSync(go, {force: true})
    expect((await cli('kill', '-a')).code).to.equal(0)
    expect((await cli('clean')).code).to.equal(0)
    const run = spawnMaestro(['-f', file, 'start'])
    await until('start to hold the lock', held)
    const pid = run.child.pid
    run.child.kill('SIGKILL')
    await run.done
    expect(await held(), 'a killed run cannot release its lock').to.equal(true)

    const state = await cli('lock', 'status')
    expect(state.code, state.stderr).to.equal(5)
    expect(state.stdout.trim()).to.match(new RegExp(`^environment ${p} is locked on ship ship1 by \\S+@\\S+ pid ${pid}, maestro start, \\S+ ago \\(stale: pid ${pid} is not running on \\S+\\); remove it with: maestro lock release$`))

    const unconfirmed = await cli('lock', 'release')
    expect(unconfirmed.code).to.equal(2)
    expect(unconfirmed.stderr).to.match(/^ERROR: lock release asks for confirmation: pass --yes when stdin is not a terminal$/m)
    expect(await held()).to.equal(true)

    const released = await cli('lock', 'release', '--yes')
    expect(released.code, released.stderr).to.equal(0)
    expect(released.stdout.trim()).to.match(new RegExp(`^released the deploy lock of ${p} on ship ship1 \\(held by \\S+@\\S+ pid ${pid}, maestro start\\)$`))
    expect(await held()).to.equal(false)
    const free = await cli('lock', 'status')
    expect(free.code, free.stderr).to.equal(0)
    expect(free.stdout).to.include(`environment ${p} is not locked`)
  })

  it('a start after a SIGKILLed holder on this host takes its lock over, saying so, and converges', async () => {
    rmSync(go, {force: true})
    // the previous test's killed start left web-1 running: a start with nothing to change takes no lock
    expect((await cli('kill', '-a')).code).to.equal(0)
    const run = spawnMaestro(['-f', file, 'start'])
    await until('start to hold the lock', held)
    // killed while web-1 waits on its running check: the run has started it
    await until('web-1 to run', async () => (await ship1.inspectContainer(`${p}-web-1`))?.State.Running === true)
    const pid = run.child.pid
    run.child.kill('SIGKILL')
    await run.done
    // what the killed run left running is stopped behind Maestro's back, so the next start has a change to make
    await ship1.killContainer(`${p}-web-1`)
    writeFileSync(go, '')
    const again = await cli('start')
    expect(again.code, again.stderr).to.equal(0)
    expect(again.stderr).to.match(new RegExp(`^warning: took over the deploy lock of ${p} on ship ship1: its holder \\S+@\\S+ pid ${pid}, maestro start, .*is gone$`, 'm'))
    expect(await held()).to.equal(false)
    const status = await cli('status')
    expect(status.code, status.stdout).to.equal(0)
    expect(status.stdout).to.match(new RegExp(`${p}-web-1\\s.*running`))
  })
})
