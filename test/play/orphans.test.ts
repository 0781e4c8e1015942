import {expect} from 'chai'
import {planPlay} from '../../src/play/plan-play.js'
import {rig, shop} from './setup.js'

describe('orphans in plan', () => {
  it('lists the old copy of a moved instance and a removed service, each as its own entry, and start leaves them as planned', async () => {
    const r = await rig()
    await r.play('start', {containers: ['cache-1', 'db-1']})
    r.env = shop({db: {instances: {'db-1': {ship: 'c', ports: {pg: 5432}}}}})
    const {cache, ...services} = r.env.services as Record<string, unknown>
    void cache
    r.env = {...r.env, services: services as never, containers: Object.fromEntries(Object.entries(r.env.containers).filter(([n]) => n !== 'cache-1'))}
    const plan = await planPlay(r.kernel, r.env, {containers: ['db-1']})
    expect(plan.steps.map((s) => [s.container, s.ship, s.action])).to.deep.equal([['db-1', 'c', 'create']])
    expect(plan.orphans.map((o) => [o.container, o.ship, o.kind, o.action])).to.deep.equal([['cache-1', 'b', 'unknown', 'keep'], ['db-1', 'a', 'moved', 'keep']])
    expect(plan.orphans[1].reason).to.match(/^moved to c/)
    const result = await r.play('start', {containers: ['db-1']})
    expect(result.exitCode).to.equal(0)
    expect(r.fleet.get('a').containers.has('db-1'), 'old copy kept, as planned').to.equal(true)
    expect(r.fleet.get('b').containers.has('cache-1'), 'orphan kept, as planned').to.equal(true)
  })
})
