import {expect} from 'chai'
import {planPlay} from '../../src/play/plan-play.js'
import type {Environment} from '../../src/model/types.js'
import {ALL, reset, rig, shop, type Rig} from './setup.js'
import type {Recorded} from '../helpers/recorder.js'

/** The shop without its cache service: cache-1 on b becomes an unknown orphan. */
function withoutCache(env: Environment): Environment {
  const {cache, ...services} = env.services as Record<string, unknown>
  void cache
  return {...env, services: services as never, containers: Object.fromEntries(Object.entries(env.containers).filter(([n]) => n !== 'cache-1'))}
}

/** db-1 moved from a to c, cache removed from the file. */
async function movedAndRemoved(): Promise<Rig> {
  const r = await rig()
  await r.play('start')
  r.env = withoutCache(shop({db: {instances: {'db-1': {ship: 'c', ports: {pg: 5432}}}}}))
  reset(r)
  return r
}

const everything = (r: Rig) => Object.keys(r.env.containers)
const shipOf = (e: Recorded) => (e.payload.container as {ship: string}).ship
const nameOf = (e: Recorded) => (e.payload.container as {name: string}).name

describe('orphans', () => {
  it('plan lists the old copy of a moved instance and a removed service as their own entries, with what start does', async () => {
    const r = await movedAndRemoved()
    const plan = await planPlay(r.kernel, r.env, {containers: ['db-1']})
    expect(plan.steps.map((s) => [s.container, s.ship, s.action])).to.deep.equal([['db-1', 'c', 'create']])
    expect(plan.orphans.map((o) => [o.container, o.ship, o.kind, o.action])).to.deep.equal([['cache-1', 'b', 'unknown', 'keep'], ['db-1', 'a', 'moved', 'remove']])
    expect(plan.orphans[1].reason).to.match(/^moved to c: the old copy is stopped and removed before the new one starts/)
    const plain = await planPlay(r.kernel, r.env, {containers: ['db-1'], options: {converge: false, removeOrphans: true}})
    expect(plain.orphans.map((o) => [o.container, o.action])).to.deep.equal([['cache-1', 'remove'], ['db-1', 'keep']])
    expect(plain.orphans[1].reason).to.match(/--converge removes it/)
  })

  it('a plain start leaves both where they are and reports them kept', async () => {
    const r = await movedAndRemoved()
    const result = await r.play('start', {containers: everything(r)})
    expect(result.exitCode).to.equal(0)
    expect(result.orphans.map((o) => [o.container, o.ship, o.action, o.done])).to.deep.equal([['cache-1', 'b', 'keep', false], ['db-1', 'a', 'keep', false]])
    expect(r.fleet.get('a').containers.has('db-1'), 'old copy kept').to.equal(true)
    expect(r.fleet.get('b').containers.has('cache-1'), 'orphan kept').to.equal(true)
  })

  it('start --converge removes the old copy before the new one is created, then recreates the dependents with its new address', async () => {
    const r = await movedAndRemoved()
    const result = await r.play('start', {containers: everything(r), options: {converge: true}})
    expect(result.exitCode).to.equal(0)
    expect(r.fleet.get('a').containers.has('db-1'), 'old copy gone').to.equal(false)
    expect(r.fleet.get('c').containers.has('db-1'), 'new copy').to.equal(true)
    expect(r.fleet.get('b').containers.has('cache-1'), 'unknown orphan kept without --remove-orphans').to.equal(true)
    const changes = r.rec.events.filter((e) => /^container:(stop|remove|create|start)$/.test(e.event)).map((e) => `${e.event} ${nameOf(e)}@${shipOf(e)}`)
    expect(changes.slice(0, 3)).to.deep.equal(['container:stop db-1@a', 'container:remove db-1@a', 'container:create db-1@c'])
    expect(changes.indexOf('container:create app-1@a')).to.be.greaterThan(changes.indexOf('container:start db-1@c'))
    expect(result.outcomes.get('app-1')?.outcome).to.equal('recreated')
    const app = r.fleet.get('a').containers.get('app-1')!
    expect(app.body.Env).to.include('DB_DB_1_HOST=10.0.0.3')
    expect(result.orphans.find((o) => o.container === 'db-1')).to.include({ship: 'a', action: 'remove', done: true})
  })

  it('start --remove-orphans removes the containers of a removed service first; a failure there changes nothing else', async () => {
    const r = await movedAndRemoved()
    r.fleet.get('b').failWith = (call, arg) => (call === 'removeContainer' && arg === 'cache-1' ? new Error('device busy') : undefined)
    const failed = await r.play('start', {containers: everything(r), options: {removeOrphans: true}})
    expect(failed.exitCode).to.equal(1)
    expect(failed.error?.message).to.match(/cache-1 on b: remove failed: device busy/)
    expect(r.rec.of('container:create')).to.deep.equal([])
    expect([...failed.outcomes.values()].map((o) => o.status)).to.deep.equal(everything(r).map(() => 'skipped'))
    r.fleet.get('b').failWith = undefined
    reset(r)
    const result = await r.play('start', {containers: everything(r), options: {removeOrphans: true}})
    expect(result.exitCode).to.equal(0)
    expect(r.fleet.get('b').containers.has('cache-1')).to.equal(false)
    expect(r.fleet.get('a').containers.has('db-1'), 'a moved copy needs --converge').to.equal(true)
  })

  it('clean removes a stopped old copy; with --remove-orphans also the containers of removed services, running or not', async () => {
    const r = await movedAndRemoved()
    await r.play('stop', {containers: ['db-1']})
    const plain = await r.play('clean', {containers: everything(r)})
    expect(plain.orphans.map((o) => [o.container, o.action, o.done])).to.deep.equal([['cache-1', 'keep', false], ['db-1', 'remove', true]])
    expect(r.fleet.get('a').containers.has('db-1')).to.equal(false)
    expect(r.fleet.get('b').containers.get('cache-1')?.running).to.equal(true)
    const result = await r.play('clean', {containers: everything(r), options: {removeOrphans: true}})
    expect(result.exitCode).to.equal(0)
    expect(result.orphans.map((o) => [o.container, o.action, o.done])).to.deep.equal([['cache-1', 'remove', true]])
    expect(r.fleet.get('b').containers.has('cache-1')).to.equal(false)
  })

  it('stop -a and kill -a include the old copy of a moved instance, not the containers of removed services', async () => {
    const r = await movedAndRemoved()
    const stopped = await r.play('stop', {containers: everything(r)})
    expect(stopped.exitCode).to.equal(0)
    expect(r.fleet.get('a').containers.get('db-1')?.running, 'old copy stopped').to.equal(false)
    expect(r.fleet.get('b').containers.get('cache-1')?.running, 'unknown orphan untouched').to.equal(true)
    expect(stopped.orphans.map((o) => [o.container, o.action, o.done])).to.deep.equal([['cache-1', 'keep', false], ['db-1', 'stop', true]])
    await r.play('start', {containers: ALL.filter((n) => n !== 'cache-1')})
    r.fleet.get('a').containers.get('db-1')!.running = true
    r.fleet.get('a').containers.get('db-1')!.status = 'running'
    reset(r)
    const killed = await r.play('kill', {containers: everything(r)})
    expect(killed.orphans.find((o) => o.container === 'db-1')).to.include({action: 'kill', done: true})
    expect(r.fleet.get('a').calls).to.include('killContainer db-1')
  })

  it('status lists every orphan and changes nothing', async () => {
    const r = await movedAndRemoved()
    const result = await r.play('status', {containers: everything(r)})
    expect(result.orphans.map((o) => [o.container, o.ship, o.kind, o.state, o.action])).to.deep.equal([['cache-1', 'b', 'unknown', 'running', 'keep'], ['db-1', 'a', 'moved', 'running', 'keep']])
    expect(r.fleet.allCalls().filter((c) => !c.endsWith('listContainers'))).to.deep.equal([])
  })
})
