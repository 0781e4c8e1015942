import {expect} from 'chai'
import {definePlugin, Tokens, type CheckSpec, type LifecycleCheck} from '../../src/api/index.js'
import {rig, shop} from './setup.js'

/** A check type for tests: `{type: flag, pass: bool, ms: number}`; `ms: -1` waits until aborted. */
const flagCheck: LifecycleCheck = {
  type: 'flag',
  run: (spec: CheckSpec, ctx) =>
    new Promise<void>((resolve, reject) => {
      const ms = Number(spec.ms ?? 0)
      const finish = () => (spec.pass ? resolve() : reject(new Error('flag says no')))
      const timer = ms >= 0 ? setTimeout(finish, ms) : undefined
      ctx.signal.addEventListener('abort', () => {
        clearTimeout(timer)
        reject(new Error('aborted'))
      })
    }),
}
const checks = definePlugin({name: 'test-checks', api: '^1.0.0', register: (ctx) => ctx.registry.register(Tokens.Check, {useValue: flagCheck})})

const withChecks = (lifecycle: Record<string, CheckSpec[]>) => shop({cache: {image: 'redis:7', instances: {'cache-1': {ship: 'b', lifecycle}}}})

describe('lifecycle checks in plays', () => {
  it('runs the running checks of a state in parallel and emits their events', async () => {
    const r = await rig(withChecks({running: [{type: 'flag', pass: true, ms: 200}, {type: 'flag', pass: true, ms: 200}]}), [checks])
    const result = await r.play('start', {containers: ['cache-1']})
    expect(result.outcomes.get('cache-1')?.outcome).to.equal('started')
    expect(r.rec.lines((e) => e.event.startsWith('check:'))).to.deep.equal(['check:start cache-1', 'check:start cache-1', 'check:pass cache-1', 'check:pass cache-1'])
    expect(r.rec.payloads('check:pass')[0].state).to.equal('running')
  })

  it('fails the start when a running check fails, and stops the container that never became ready', async () => {
    const r = await rig(withChecks({running: [{type: 'flag', pass: false}]}), [checks])
    const result = await r.play('start', {containers: ['cache-1']})
    expect(result.exitCode).to.equal(1)
    expect(result.error?.code).to.equal('MAESTRO_CHECK_FAILED')
    expect(result.error?.message).to.match(/^cache-1: running check flag failed: flag says no; stopped it \(--keep-failed keeps it running\)/)
    expect(r.fleet.get('b').containers.get('cache-1')?.running).to.equal(false)
    expect(r.rec.payloads('check:fail')[0].error).to.equal('flag says no')
  })

  it('leaves the container that failed its running checks running with --keep-failed, and says so', async () => {
    const r = await rig(withChecks({running: [{type: 'flag', pass: false}]}), [checks])
    const result = await r.play('start', {containers: ['cache-1'], options: {keepFailed: true}})
    expect(result.exitCode).to.equal(1)
    expect(result.error?.message).to.match(/^cache-1: running check flag failed: flag says no; left running \(--keep-failed; status and the next start know it is not ready\)/)
    expect(r.fleet.get('b').containers.get('cache-1')?.running).to.equal(true)
  })

  it('does not create anything when a pre-start check fails', async () => {
    const r = await rig(withChecks({'pre-start': [{type: 'flag', pass: false}]}), [checks])
    const result = await r.play('start', {containers: ['cache-1']})
    expect(result.exitCode).to.equal(1)
    expect(r.fleet.get('b').callNames()).to.not.include('createContainer')
  })

  it('fails running checks at once when the container stops meanwhile', async () => {
    const r = await rig(withChecks({running: [{type: 'flag', pass: true, ms: -1}]}), [checks])
    r.kernel.events.on('check:start', () => void setTimeout(() => Object.assign(r.fleet.get('b').containers.get('cache-1')!, {running: false, status: 'exited', exitCode: 3}), 50))
    const t0 = Date.now()
    const result = await r.play('start', {containers: ['cache-1']})
    expect(Date.now() - t0).to.be.below(2500)
    expect(result.error?.message).to.contain('container stopped (exit code 3) while waiting for running checks')
  })

  it('interrupts running checks that begin after the play was aborted (a signal while the container was being started)', async () => {
    const r = await rig(withChecks({running: [{type: 'flag', pass: true, ms: -1}]}), [checks])
    const ac = new AbortController()
    r.fleet.get('b').failWith = (call) => (call === 'startContainer' ? void ac.abort(new Error('stop now')) : undefined)
    const result = await r.play('start', {containers: ['cache-1'], signal: ac.signal})
    expect(result.outcomes.get('cache-1')?.status).to.equal('failed')
    expect(r.rec.lines((e) => e.event.startsWith('check:'))).to.deep.equal(['check:start cache-1', 'check:fail cache-1'])
  })

  it('names an unknown check type', async () => {
    const r = await rig(withChecks({running: [{type: 'nope'}]}), [checks])
    const result = await r.play('start', {containers: ['cache-1']})
    expect(result.error?.message).to.contain('no lifecycle check plugin handles type "nope"')
  })

  it('treats pre-stop and stopped failures as non-fatal for stop', async () => {
    const r = await rig(withChecks({'pre-stop': [{type: 'flag', pass: false}]}), [checks])
    await r.play('start', {containers: ['db-1', 'cache-1']})
    const result = await r.play('stop', {containers: ['db-1', 'cache-1']})
    expect(result.outcomes.get('cache-1')?.status).to.equal('failed')
    expect(result.outcomes.get('db-1')?.outcome).to.equal('stopped')
  })

  it('waits for an image HEALTHCHECK to report healthy, and fails on unhealthy', async () => {
    const r = await rig()
    r.fleet.get('b').addImage('redis:7', 'sha256:redis', true)
    const ok = await r.play('start', {containers: ['cache-1']})
    expect(ok.outcomes.get('cache-1')?.outcome).to.equal('started')
    expect(r.rec.payloads('check:pass').map((p) => (p.check as CheckSpec).type)).to.deep.equal(['docker-healthcheck'])
    await r.play('stop', {containers: ['cache-1']})
    r.kernel.events.on('container:start', (e) => void (r.fleet.get('b').containers.get(e.container.name)!.health = 'unhealthy'))
    const bad = await r.play('start', {containers: ['cache-1']})
    expect(bad.error?.message).to.contain('Docker reports the container unhealthy')
  })

  it('polls one inspect per second while waiting for healthy, shared with the running-state watchdog', async function () {
    this.timeout(10_000)
    const r = await rig()
    const ship = r.fleet.get('b')
    ship.addImage('redis:7', 'sha256:redis', true)
    const inspectedAt: number[] = []
    let watching = false
    const inspect = ship.inspectContainer.bind(ship)
    ship.inspectContainer = async (nameOrId: string) => {
      if (watching) {
        inspectedAt.push(Date.now())
        // healthy from the fourth poll on: the outcome depends on polls counted, not on a clock
        if (inspectedAt.length === 4) ship.containers.get('cache-1')!.health = 'healthy'
      }
      return inspect(nameOrId)
    }
    r.kernel.events.on('container:start', (e) => {
      ship.containers.get(e.container.name)!.health = 'starting'
      watching = true
    })
    const result = await r.play('start', {containers: ['cache-1']})
    expect(result.outcomes.get('cache-1')?.outcome).to.equal('started')
    // the start's own "is it running" poll, then one inspect per poll that both the health wait and the watchdog read
    expect(inspectedAt).to.have.length(4)
    // polls are a timer apart (a timer never fires early, so load only widens the gaps): never two for one poll
    const gaps = inspectedAt.slice(2).map((t, i) => t - inspectedAt[i + 1]!)
    for (const gap of gaps) expect(gap).to.be.at.least(900)
  })
})
