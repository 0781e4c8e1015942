import {expect} from 'chai'
import {buildPlan, desiredConfig, maestroLabels, planChanges, wantedLinks, withCurrentEnv, type ObservedContainer} from '../../src/plan/index.js'
import type {Environment} from '../../src/model/types.js'
import {environment, ship} from '../helpers/env-builder.js'

const ships = [ship('a', '10.0.0.1'), ship('b', '10.0.0.2')]
const make = (dbShip = 'a'): Environment =>
  environment('shop', ships, {
    db: {image: 'postgres:16', instances: {'db-1': {ship: dbShip, ports: {pg: 5432}}}},
    app: {image: 'app:1', requires: ['db'], instances: {'app-1': {ship: 'a'}, 'app-2': {ship: 'b'}}},
    cache: {image: 'redis:7', instances: {'cache-1': {ship: 'b'}}},
  })

/** What the ships would report after `start` of `env`: every container running with its labels. */
function deployed(env: Environment, overrides: Partial<Record<string, Partial<ObservedContainer>>> = {}): Map<string, ObservedContainer> {
  return new Map(
    Object.values(env.containers).map((c) => [
      c.name,
      {id: `id-${c.name}`, name: c.name, ship: c.ship, running: true, state: 'running', status: 'Up 1 minute', image: c.image, imageId: 'sha256:1', created: 0,
        labels: maestroLabels(env, c, desiredConfig(env, c.name)), ...overrides[c.name]},
    ]),
  )
}

describe('buildPlan', () => {
  const env = make()
  const all = Object.keys(env.containers)

  it('creates absent containers', () => {
    const steps = buildPlan(env, all, new Map())
    expect(steps.map((s) => s.action)).to.deep.equal(['create', 'create', 'create', 'create'])
    expect(planChanges(steps)).to.equal(true)
  })

  it('does nothing when everything runs as configured', () => {
    const steps = buildPlan(env, all, deployed(env))
    expect(steps.map((s) => [s.container, s.action])).to.deep.equal([['db-1', 'nothing'], ['app-1', 'nothing'], ['app-2', 'nothing'], ['cache-1', 'nothing']])
    expect(planChanges(steps)).to.equal(false)
  })

  it('recreates a stopped unchanged container as start does, and starts it with --reuse', () => {
    const seen = deployed(env, {'cache-1': {running: false, state: 'exited'}})
    expect(buildPlan(env, ['cache-1'], seen)[0]).to.include({action: 'recreate', reason: 'exited: removed and created again (--reuse starts it as it is)', id: 'id-cache-1'})
    expect(buildPlan(env, ['cache-1'], seen, {flags: {reuse: true}})[0]).to.include({action: 'start', reason: 'exited; started as it is (--reuse)', id: 'id-cache-1'})
  })

  it('recreates a changed container with each field before and after', () => {
    const changed = environment('shop', ships, {
      db: {image: 'postgres:17', instances: {'db-1': {ship: 'a', ports: {pg: 5432}}}},
      app: {image: 'app:1', requires: ['db'], instances: {'app-1': {ship: 'a'}, 'app-2': {ship: 'b'}}},
      cache: {image: 'redis:7', instances: {'cache-1': {ship: 'b'}}},
    })
    const [db] = buildPlan(changed, ['db-1'], deployed(env))
    expect(db.action).to.equal('recreate')
    const fields = db.changes.map((c) => c.field)
    expect(fields).to.deep.equal(['image', 'env.DOCKER_IMAGE', 'env.DOCKER_TAG'])
    expect(db.changes[0]).to.deep.equal({field: 'image', before: 'postgres:16', after: 'postgres:17'})
  })

  it('marks exactly the dependents of a dependency moved to another ship as changed', () => {
    const before = make('a')
    const after = make('b')
    const steps = buildPlan(after, all, deployed(before))
    const byName = Object.fromEntries(steps.map((s) => [s.container, s]))
    expect(byName['app-1'].action).to.equal('recreate')
    expect(byName['app-2'].action).to.equal('recreate')
    expect(byName['cache-1'].action).to.equal('nothing')
    expect(byName['db-1'].action).to.equal('create')
    // labels hold no env values, and one digest for all link variables: which one changed, and its old value,
    // come from the container (withCurrentEnv, after an inspect)
    expect(byName['app-1'].changes.map((c) => c.field)).to.deep.equal(['env.(link variables)'])
    const own = ['APP_APP_1_HOST=10.0.0.1', 'APP_APP_2_HOST=10.0.0.2', 'APP_INSTANCES=app-1,app-2', 'DB_DB_1_PG_PORT=5432', 'DB_INSTANCES=db-1']
    const filled = withCurrentEnv(byName['app-1'], ['DB_DB_1_HOST=10.0.0.1', 'OTHER=x', ...own], wantedLinks(after, 'app-1'))
    expect(filled.changes).to.deep.equal([{field: 'env.DB_DB_1_HOST', before: '10.0.0.1', after: '10.0.0.2'}])
  })

  it('says so when a container carries no Maestro labels', () => {
    const [step] = buildPlan(env, ['db-1'], deployed(env, {'db-1': {labels: {}}}))
    expect(step.action).to.equal('nothing')
    expect(step.reason).to.contain('drift unknown')
  })
})
