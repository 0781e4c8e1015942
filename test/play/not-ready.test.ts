import {expect} from 'chai'
import {definePlugin, ExitCode, MaestroError, Tokens, type LifecycleCheck} from '../../src/api/index.js'
import {decide} from '../../src/plan/decide.js'
import {markerName, NOT_READY_LABEL} from '../../src/play/not-ready.js'
import {reset, rig, shop} from './setup.js'

/** A check whose verdict the test sets between plays; `hang` makes it wait until the play is interrupted. */
let ready = false
let hang = false
const readyCheck: LifecycleCheck = {
  type: 'ready',
  run: async (_spec, ctx) => {
    if (hang) await new Promise((_resolve, reject) => ctx.signal.addEventListener('abort', () => reject(new Error('aborted')), {once: true}))
    if (!ready) throw new Error('not yet')
  },
}
const checks = definePlugin({name: 'test-ready', api: '^1.0.0', register: (ctx) => ctx.registry.register(Tokens.Check, {useValue: readyCheck})})

/** db-1 (a) checked by `ready`; app-1 (a) and app-2 (b) require it. */
const fleetWithCheck = () => shop({db: {image: 'postgres:16', instances: {'db-1': {ship: 'a', lifecycle: {running: [{type: 'ready'}]}}}}})
const PLAY = ['db-1', 'app-1', 'app-2']

describe('--keep-failed memory (a container left running after failing its running checks)', () => {
  beforeEach(() => void ((ready = false), (hang = false)))

  it('is recorded on its ship, and status shows it not ready instead of running', async () => {
    const r = await rig(fleetWithCheck(), [checks])
    const first = await r.play('start', {containers: PLAY, options: {keepFailed: true}})
    expect(first.exitCode).to.equal(1)
    expect(first.error?.message).to.contain('left running (--keep-failed; status and the next start know it is not ready)')
    const db = r.fleet.get('a').containers.get('db-1')!
    expect(db.running).to.equal(true)
    const marker = r.fleet.get('a').volumes.get(markerName(db.id))
    expect(marker?.[NOT_READY_LABEL.marker]).to.equal(db.id)
    expect(marker?.[NOT_READY_LABEL.reason]).to.equal('db-1: running check ready failed: not yet')
    expect(first.outcomes.get('app-1')?.status).to.equal('skipped')

    const status = await r.play('status', {containers: PLAY})
    expect(status.outcomes.get('db-1')).to.include({status: 'ok', outcome: 'not ready'})
    expect(status.outcomes.get('app-1')).to.include({outcome: 'absent'})
  })

  it('the next start runs its checks again: still failing, it is not up and its dependents are not started', async () => {
    const r = await rig(fleetWithCheck(), [checks])
    await r.play('start', {containers: PLAY, options: {keepFailed: true}})
    reset(r)
    const again = await r.play('start', {containers: PLAY})
    expect(again.exitCode).to.equal(1)
    expect(again.outcomes.get('db-1')).to.include({status: 'failed'})
    expect(again.error?.message).to.match(/^db-1: running check ready failed: not yet; stopped it/)
    expect(again.outcomes.get('app-1')?.status).to.equal('skipped')
    expect(again.outcomes.get('app-2')?.status).to.equal('skipped')
    expect(r.fleet.get('a').containers.get('app-1')).to.equal(undefined)
    // stopped now: the marker went with it
    expect(r.fleet.get('a').containers.get('db-1')?.running).to.equal(false)
    expect(r.fleet.get('a').volumes.size).to.equal(0)
  })

  it('the next start, its checks passing now, counts it up without recreating it, forgets the marker and starts its dependents', async () => {
    const r = await rig(fleetWithCheck(), [checks])
    await r.play('start', {containers: PLAY, options: {keepFailed: true}})
    const id = r.fleet.get('a').containers.get('db-1')!.id
    ready = true
    reset(r)
    const again = await r.play('start', {containers: PLAY})
    expect(again.exitCode).to.equal(0)
    expect(again.outcomes.get('db-1')).to.include({status: 'ok', outcome: 'up', id})
    expect(again.outcomes.get('app-1')).to.include({outcome: 'started'})
    expect(r.fleet.get('a').calls.filter((c) => c.endsWith(' db-1') && /create|remove|start/.test(c)), 'db-1 is left as it is').to.deep.equal([])
    expect(r.fleet.get('a').volumes.size).to.equal(0)
    const status = await r.play('status', {containers: ['db-1']})
    expect(status.outcomes.get('db-1')).to.include({outcome: 'running'})
  })

  it('is forgotten when the container is stopped or removed', async () => {
    const r = await rig(fleetWithCheck(), [checks])
    await r.play('start', {containers: PLAY, options: {keepFailed: true}})
    expect(r.fleet.get('a').volumes.size).to.equal(1)
    await r.play('stop', {containers: ['db-1']})
    expect(r.fleet.get('a').volumes.size).to.equal(0)
  })

  it('a marker naming a container that no longer runs is ignored', async () => {
    const r = await rig(fleetWithCheck(), [checks])
    await r.play('start', {containers: PLAY, options: {keepFailed: true}})
    Object.assign(r.fleet.get('a').containers.get('db-1')!, {running: false, status: 'exited'})
    const status = await r.play('status', {containers: ['db-1']})
    expect(status.outcomes.get('db-1')).to.include({outcome: 'down'})
  })

  it('an interruption of its running checks leaves it running, aborted and marked not ready; the next start checks it again', async () => {
    const r = await rig(fleetWithCheck(), [checks])
    hang = true
    const ac = new AbortController()
    r.kernel.events.on('check:start', () => ac.abort(new MaestroError('MAESTRO_INTERRUPTED', 'interrupted by SIGTERM', {exit: ExitCode.TERMINATED})))
    const cut = await r.play('start', {containers: PLAY, signal: ac.signal})
    expect(cut.exitCode).to.equal(143)
    const db = r.fleet.get('a').containers.get('db-1')!
    expect(db.running, 'nothing new is done once interrupted').to.equal(true)
    expect(cut.outcomes.get('db-1')).to.include({status: 'failed', failure: 'aborted'})
    expect(cut.outcomes.get('db-1')?.error?.message).to.equal('db-1: running checks cut short (interrupted by SIGTERM); left running (status and the next start know it is not ready)')
    expect(r.rec.payloads('task:fail')[0].outcome).to.equal('aborted')
    const marker = r.fleet.get('a').volumes.get(markerName(db.id))
    expect(marker?.[NOT_READY_LABEL.interrupted]).to.equal('true')
    expect(cut.outcomes.get('app-1')?.status).to.equal('skipped')

    const status = await r.play('status', {containers: PLAY})
    expect(status.outcomes.get('db-1')).to.include({outcome: 'not ready'})
    expect(status.outcomes.get('db-1')?.detail).to.match(/^\(its running checks were interrupted\)/)

    hang = false
    ready = true
    reset(r)
    const rerun = await r.play('start', {containers: PLAY})
    expect(rerun.exitCode).to.equal(0)
    expect(rerun.outcomes.get('db-1')).to.include({outcome: 'up', id: db.id, detail: '(ready now; its running checks had been interrupted)'})
    expect(rerun.outcomes.get('app-1')).to.include({outcome: 'started'})
    expect(r.fleet.get('a').volumes.size).to.equal(0)
  })

  it('plan says its checks run again (nothing is changed)', () => {
    const d = decide({running: true, state: 'running', notReady: {at: 1, reason: 'r'}}, {known: true, changes: []})
    expect(d).to.deep.equal({action: 'nothing', reason: 'running but not ready (left so by --keep-failed): its running checks run again', pull: false})
    const cut = decide({running: true, state: 'running', notReady: {at: 1, reason: 'r', interrupted: true}}, {known: true, changes: []})
    expect(cut.reason).to.equal('running but not ready (its running checks were interrupted): its running checks run again')
  })
})
