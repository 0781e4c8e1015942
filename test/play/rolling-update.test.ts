import {expect} from 'chai'
import {Kernel} from '../../src/kernel/kernel.js'
import {schedulerDag} from '../../plugins/scheduler-dag/index.js'
import {planPlay, runPlay} from '../../src/play/index.js'
import type {Environment, UpdateConfig} from '../../src/model/types.js'
import {FakeFleet} from '../helpers/fake-docker.js'
import {EventRecorder} from '../helpers/recorder.js'
import {environment, ship} from '../helpers/env-builder.js'

const API = ['api-1', 'api-2', 'api-3']
const UPDATE: UpdateConfig = {parallelism: 1, delayMs: 0, order: 'start-first', monitorMs: 0, failureAction: 'pause', maxFailureRatio: 0}

function api(image: string, update?: Partial<UpdateConfig>): Environment {
  const env = environment('roll', [ship('a', '10.0.0.1'), ship('b', '10.0.0.2')], {
    api: {image, instances: {'api-1': {ship: 'a'}, 'api-2': {ship: 'a'}, 'api-3': {ship: 'b'}}},
  })
  if (!update) return env
  return {...env, services: {api: {...env.services.api, update: {...UPDATE, ...update}}}}
}

async function started() {
  const fleet = new FakeFleet(['a', 'b'])
  for (const d of fleet.ships.values()) for (const img of ['app:1', 'app:2']) d.addImage(img)
  const kernel = await Kernel.boot({plugins: [schedulerDag, fleet.plugin()]})
  const rec = new EventRecorder(kernel)
  const first = await runPlay(kernel, api('app:1'), {command: 'start', containers: API, options: {}})
  expect(first.exitCode).to.equal(0)
  const before = Object.fromEntries(API.map((n) => [n, fleet.get(n === 'api-3' ? 'b' : 'a').containers.get(n)!.id]))
  rec.events.length = 0
  const converge = (env: Environment) => runPlay(kernel, env, {command: 'start', containers: API, options: {converge: true}})
  return {fleet, rec, before, converge}
}

/** The create/stop/remove events of the play, as `event name id-of-instance`. */
const steps = (rec: EventRecorder): string[] => rec.lines((e) => ['container:create', 'container:stop', 'container:remove'].includes(e.event))

const live = (fleet: FakeFleet) => [...fleet.ships.values()].flatMap((d) => [...d.containers.values()])

describe('update: block (rolling replacement on the recording fake)', () => {
  it('start-first on a ship whose Docker client cannot rename: that instance is refused before anything is created, the old one keeps running', async () => {
    const {fleet, rec, before, converge} = await started()
    const b = fleet.get('b')
    Object.assign(b, {renameContainer: undefined})
    const mark = b.calls.length
    const r = await converge(api('app:2', {failureAction: 'continue', maxFailureRatio: 1}))
    expect(r.exitCode).to.equal(1)
    expect(b.calls.slice(mark).filter((c) => c.startsWith('createContainer') || c.startsWith('stopContainer'))).to.deep.equal([])
    expect(b.containers.get('api-3')!.id).to.equal(before['api-3'])
    expect(b.containers.get('api-3')!.running).to.equal(true)
    const failed = rec.events.filter((e) => e.event === 'task:fail').map((e) => String((e.payload as {error?: Error}).error?.message))
    expect(failed).to.have.length(1)
    expect(failed[0]).to.equal('api-3: order: start-first needs a Docker client that can rename containers, and ship b\'s cannot; this instance was not changed')
  })

  it('start-first, parallelism 1: each new container is created before its old one stops, one instance at a time, and takes the instance name', async () => {
    const {fleet, rec, before, converge} = await started()
    const r = await converge(api('app:2', {}))
    expect(r.exitCode).to.equal(0)
    const lines = steps(rec)
    // one instance at a time: create (new), stop (old, kept as the previous one) of an instance, then the next
    expect(lines).to.have.length(6)
    for (let i = 0; i < 6; i += 2) {
      const name = lines[i].split(' ')[1]
      expect(lines.slice(i, i + 2)).to.deep.equal([`container:create ${name}`, `container:stop ${name}`])
    }
    const names = live(fleet).map((c) => c.name).sort()
    expect(names).to.deep.equal([...API, ...API.map((n) => `${n}.previous`)].sort())
    for (const c of live(fleet).filter((x) => !x.name.endsWith('.previous'))) {
      expect(c.body.Image).to.equal('app:2')
      expect(c.running).to.equal(true)
      expect(c.id).to.not.equal(before[c.name])
    }
    const a = fleet.get('a').calls
    expect(a.some((c) => c.startsWith('createContainer api-1.next'))).to.equal(true)
    expect(a).to.include('renameContainer api-1.next api-1')
    // env and hostname are the instance's, not the temporary name's
    const body = fleet.get('a').containers.get('api-1')!.body
    expect(body.Env).to.include('CONTAINER_NAME=api-1')
    expect(body.Hostname).to.equal('api-1')
  })

  it('stop-first, parallelism 2: at most two instances are down at once', async () => {
    const {rec, converge} = await started()
    const r = await converge(api('app:2', {order: 'stop-first', parallelism: 2}))
    expect(r.exitCode).to.equal(0)
    let down = 0
    let most = 0
    for (const line of steps(rec)) {
      if (line.startsWith('container:stop')) most = Math.max(most, ++down)
      if (line.startsWith('container:create')) down--
    }
    expect(most).to.equal(2)
  })

  it('without the block, every drifted instance is stopped before any is created again (as today)', async () => {
    const {rec, converge} = await started()
    const r = await converge(api('app:2'))
    expect(r.exitCode).to.equal(0)
    const lines = steps(rec)
    const firstCreate = lines.findIndex((l) => l.startsWith('container:create'))
    expect(lines.slice(0, firstCreate).filter((l) => l.startsWith('container:stop'))).to.have.length(3)
    expect(rec.lines((e) => e.event === 'task:progress' && String(e.payload.message).includes('update slot'))).to.deep.equal([])
  })

  it('start-first: a new container that exits removes it, keeps the old one running and pauses the update (exit 1)', async () => {
    const {fleet, before, converge} = await started()
    fleet.get('a').exitOnStart.add('api-1.next')
    const r = await converge(api('app:2', {}))
    expect(r.exitCode).to.equal(1)
    const old = fleet.get('a').containers.get('api-1')!
    expect(old.id).to.equal(before['api-1'])
    expect(old.running).to.equal(true)
    expect(fleet.get('a').containers.has('api-1.next')).to.equal(false)
    expect(r.outcomes.get('api-1')!.error!.message).to.match(/old one \(.+\) keeps running; the update of api paused$/)
    const skipped = [...r.outcomes].filter(([, o]) => o.status === 'skipped' || o.outcome === 'skipped').map(([n]) => n)
    const replaced = [...r.outcomes].filter(([, o]) => o.outcome === 'recreated').map(([n]) => n)
    // parallelism 1: instances still waiting for the slot when api-1 failed are not replaced
    expect(skipped.length + replaced.length).to.equal(2)
    expect(skipped).to.include.members(API.filter((n) => n !== 'api-1' && !replaced.includes(n)))
  })

  it('failure_action continue: the other instances are still replaced, the play exits 1', async () => {
    const {fleet, converge} = await started()
    fleet.get('a').exitOnStart.add('api-1.next')
    const r = await converge(api('app:2', {failureAction: 'continue'}))
    expect(r.exitCode).to.equal(1)
    expect(r.outcomes.get('api-1')!.status).to.equal('failed')
    expect(r.outcomes.get('api-2')!.outcome).to.equal('recreated')
    expect(r.outcomes.get('api-3')!.outcome).to.equal('recreated')
  })

  it('max_failure_ratio: one failure of three is tolerated at 0.34', async () => {
    const {fleet, converge} = await started()
    fleet.get('a').exitOnStart.add('api-1.next')
    const r = await converge(api('app:2', {maxFailureRatio: 0.34}))
    expect(r.exitCode).to.equal(1)
    expect([...r.outcomes.values()].filter((o) => o.outcome === 'recreated')).to.have.length(2)
  })
})

/** Makes the `nth` start of a start-first new container (`*.next`) on any ship fail, as a container that exits. */
function failNthNext(fleet: FakeFleet, nth: number): void {
  let starts = 0
  for (const d of fleet.ships.values()) d.failWith = (call, arg) => (call === 'startContainer' && arg.endsWith('.next') && ++starts === nth ? new Error('exited (exit code 1)') : undefined)
}

const idsByName = (fleet: FakeFleet): Record<string, string> => Object.fromEntries(live(fleet).map((c) => [c.name, c.id]))

describe('update: block, the previous container and rollback (recording fake)', () => {
  it('keeps each replaced container stopped as <instance>.previous; the next successful update removes the older one', async () => {
    const {fleet, rec, before, converge} = await started()
    expect((await converge(api('app:2', {}))).exitCode).to.equal(0)
    const first = idsByName(fleet)
    for (const n of API) {
      const previous = fleet.get(n === 'api-3' ? 'b' : 'a').containers.get(`${n}.previous`)!
      expect(previous.id).to.equal(before[n])
      expect(previous.running).to.equal(false)
    }
    const replaced = rec.payloads('update:replaced')
    expect(replaced.map((p) => p.previous).sort()).to.deep.equal(API.map((n) => `${n}.previous`))
    expect(rec.payloads('update:replace').map((p) => p.batch).sort()).to.deep.equal([1, 2, 3])
    expect((await converge(api('app:1', {}))).exitCode).to.equal(0)
    const second = idsByName(fleet)
    expect(Object.keys(second).sort()).to.deep.equal(Object.keys(first).sort())
    for (const n of API) expect(second[`${n}.previous`]).to.equal(first[n])
  })

  it('a previous container is not an orphan: start --remove-orphans leaves it', async () => {
    const {fleet, converge} = await started()
    expect((await converge(api('app:2', {}))).exitCode).to.equal(0)
    const kernel = await Kernel.boot({plugins: [schedulerDag, fleet.plugin()]})
    const r = await runPlay(kernel, api('app:2', {}), {command: 'start', containers: API, options: {removeOrphans: true}})
    expect(r.orphans).to.deep.equal([])
    expect(fleet.get('a').containers.has('api-1.previous')).to.equal(true)
  })

  it('failure_action rollback, start-first: the second replacement fails, the first instance gets its previous container (same id) back, exit 1', async () => {
    const {fleet, rec, before, converge} = await started()
    failNthNext(fleet, 2)
    const r = await converge(api('app:2', {failureAction: 'rollback'}))
    expect(r.exitCode).to.equal(1)
    expect(r.error!.message).to.match(/exited \(exit code 1\).*; rolled back the update of api \(previous containers put back: api-\d \(id/)
    const now = idsByName(fleet)
    // exactly the containers that ran before, running under their names; the failed new one and the replaced one are gone
    expect(Object.fromEntries(API.map((n) => [n, now[n]]))).to.deep.equal(before)
    expect(Object.keys(now).sort()).to.deep.equal(API)
    for (const c of live(fleet)) expect(c.running).to.equal(true)
    const events = rec.lines((e) => e.event.startsWith('update:failed') || e.event === 'update:rollback')
    expect(events[0]).to.match(/^update:failed api-\d$/)
    expect(events[1]).to.equal('update:rollback')
    const failed = rec.payloads('update:failed')[0]
    expect(failed.then).to.equal('rollback')
    const rollback = rec.payloads('update:rollback')[0] as {trigger: string; restored: {container: {name: string}; id: string; removedId?: string}[]; failed: unknown[]}
    expect(rollback.trigger).to.equal('failure')
    expect(rollback.restored).to.have.length(1)
    expect(rollback.restored[0].id).to.equal(before[rollback.restored[0].container.name].slice(0, 12))
    expect(rollback.failed).to.deep.equal([])
  })

  it('failure_action rollback, stop-first: the failing instance itself gets its previous container back', async () => {
    const {fleet, before, converge} = await started()
    fleet.get('a').exitOnStart.add('api-1')
    fleet.get('b').exitOnStart.add('api-3')
    const r = await converge(api('app:2', {order: 'stop-first', parallelism: 3, failureAction: 'rollback'}))
    expect(r.exitCode).to.equal(1)
    expect(r.error!.message).to.include('rolled back the update of api')
    fleet.get('a').exitOnStart.clear()
    fleet.get('b').exitOnStart.clear()
    const now = idsByName(fleet)
    expect(Object.keys(now).sort()).to.deep.equal(API)
    expect(Object.fromEntries(API.map((n) => [n, now[n]]))).to.deep.equal(before)
  })

  it('failure_action pause: update:pause names the instances not replaced and says how to resume or roll back', async () => {
    const {fleet, rec, converge} = await started()
    failNthNext(fleet, 1)
    const r = await converge(api('app:2', {}))
    expect(r.exitCode).to.equal(1)
    const pause = rec.payloads('update:pause')
    expect(pause).to.have.length(1)
    expect(pause[0].service).to.equal('api')
    expect(pause[0].pending).to.have.length(2)
    expect(pause[0].hint).to.equal('run the same start --converge again to resume the update of api, or `maestro rollback api` to put its previous containers back')
    expect(r.error!.message).to.match(/; the update of api paused$/)
    expect(r.error!.hint).to.equal(pause[0].hint)
    expect(rec.payloads('update:failed')[0].then).to.equal('pause')
  })
})

describe('rollback play (recording fake)', () => {
  it('puts back every previous container (same ids, running) and removes the current ones; update:rollback trigger command', async () => {
    const {fleet, rec, before, converge} = await started()
    expect((await converge(api('app:2', {}))).exitCode).to.equal(0)
    const updated = idsByName(fleet)
    const kernel = await Kernel.boot({plugins: [schedulerDag, fleet.plugin()]})
    const recorder = new EventRecorder(kernel)
    const r = await runPlay(kernel, api('app:2', {}), {command: 'rollback', containers: API, options: {named: true}})
    expect(r.exitCode).to.equal(0)
    const now = idsByName(fleet)
    expect(now).to.deep.equal(before)
    for (const c of live(fleet)) expect(c.running).to.equal(true)
    const events = recorder.payloads('update:rollback') as {trigger: string; restored: {container: {name: string}; id: string; removedId: string}[]}[]
    expect(events.map((e) => e.trigger)).to.deep.equal(['command', 'command', 'command'])
    for (const e of events) expect(e.restored[0].removedId).to.equal(updated[e.restored[0].container.name].slice(0, 12))
    expect(rec.events.length).to.be.greaterThan(0)
  })

  it('refuses a named instance without a previous container before changing anything', async () => {
    const {fleet} = await started()
    const kernel = await Kernel.boot({plugins: [schedulerDag, fleet.plugin()]})
    const marks = [...fleet.ships.values()].map((d) => d.calls.length)
    let error: Error | undefined
    await runPlay(kernel, api('app:1', {}), {command: 'rollback', containers: ['api-1'], options: {named: true}}).catch((e: Error) => (error = e))
    expect(error?.message).to.equal('api-1: no previous container (api-1.previous) on ship a to roll back to')
    const calls = [...fleet.ships.values()].flatMap((d, i) => d.calls.slice(marks[i]))
    expect(calls.filter((c) => !c.startsWith('listContainers') && !c.startsWith('listVolumes') && !c.startsWith('inspect'))).to.deep.equal([])
  })
})

describe('previous containers in clean and status (recording fake)', () => {
  it('clean leaves the previous containers; clean --previous removes them; status shows them', async () => {
    const {fleet, before, converge} = await started()
    expect((await converge(api('app:2', {}))).exitCode).to.equal(0)
    const kernel = await Kernel.boot({plugins: [schedulerDag, fleet.plugin()]})
    const status = await runPlay(kernel, api('app:2', {}), {command: 'status', containers: API, options: {}})
    const one = status.outcomes.get('api-1')!
    expect(one.data?.previous).to.equal(before['api-1'])
    expect(one.detail).to.include(`previous version kept: ${before['api-1'].slice(0, 12)}`)
    const names = () => live(fleet).map((c) => c.name).sort()
    expect((await runPlay(kernel, api('app:2', {}), {command: 'clean', containers: API, options: {}})).exitCode).to.equal(0)
    expect(names()).to.deep.equal([...API, ...API.map((n) => `${n}.previous`)].sort())
    const r = await runPlay(kernel, api('app:2', {}), {command: 'clean', containers: API, options: {previous: true}})
    expect(r.exitCode).to.equal(0)
    // the running instances are skipped, their previous containers removed
    expect(names()).to.deep.equal(API)
    expect(r.outcomes.get('api-1')!.detail).to.equal('(running; previous container removed)')
  })
})

describe('plan of an update (recording fake)', () => {
  it('says how each running instance will be replaced and that its replaced container is kept as the way back', async () => {
    const {fleet} = await started()
    const kernel = await Kernel.boot({plugins: [schedulerDag, fleet.plugin()]})
    const plan = await planPlay(kernel, api('app:2', {}), {containers: API, options: {converge: true}})
    const step = plan.steps.find((s) => s.container === 'api-1')!
    expect(step.action).to.equal('recreate')
    expect(step.update).to.deep.equal({order: 'start-first', parallelism: 1, failureAction: 'pause', previous: 'api-1.previous'})
    expect(step.reason).to.match(/; update: start-first, 1 instance at a time, failure_action pause; the replaced container is kept as api-1\.previous \(maestro rollback\)$/)
    const without = await planPlay(kernel, api('app:2'), {containers: API, options: {converge: true}})
    expect(without.steps[0].update).to.equal(undefined)
  })
})
