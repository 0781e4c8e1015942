import {expect} from 'chai'
import {Kernel} from '../../src/kernel/kernel.js'
import {schedulerDag} from '../../plugins/scheduler-dag/index.js'
import {runPlay} from '../../src/play/index.js'
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
    // one instance at a time: create (new), stop (old), remove (old) of an instance, then the next instance
    expect(lines).to.have.length(9)
    for (let i = 0; i < 9; i += 3) {
      const name = lines[i].split(' ')[1]
      expect(lines.slice(i, i + 3)).to.deep.equal([`container:create ${name}`, `container:stop ${name}`, `container:remove ${name}`])
    }
    const names = live(fleet).map((c) => c.name).sort()
    expect(names).to.deep.equal(API)
    for (const c of live(fleet)) {
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
    expect(r.outcomes.get('api-1')!.error!.message).to.match(/old one \(.+\) keeps running$/)
    const skipped = [...r.outcomes].filter(([, o]) => o.status === 'skipped').map(([n]) => n)
    const replaced = [...r.outcomes].filter(([, o]) => o.status === 'ok').map(([n]) => n)
    // parallelism 1: api-1 held the slot; instances waiting for it never started
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
