import {expect} from 'chai'
import {createServer, type Server} from 'node:net'
import {rig, shop} from './setup.js'
import {planPlay} from '../../src/play/index.js'
import {environment, ship} from '../helpers/env-builder.js'

describe('runPlay status', () => {
  it('costs one list call per ship and nothing per container', async () => {
    const r = await rig()
    await r.play('start', {containers: ['db-1', 'app-2']})
    await r.play('stop', {containers: ['app-2']})
    for (const d of r.fleet.ships.values()) d.calls.length = 0
    const result = await r.play('status')
    expect(r.fleet.allCalls()).to.deep.equal(['a: listContainers', 'b: listContainers', 'c: listContainers'])
    expect([...result.outcomes].map(([n, o]) => [n, o.outcome, o.detail])).to.deep.equal([
      ['db-1', 'running', 'for 3m'], ['app-1', 'absent', undefined], ['app-2', 'down', 'for 2h (exit 0)'], ['web-1', 'absent', undefined], ['cache-1', 'absent', undefined],
    ])
    expect(result.exitCode).to.equal(0)
  })

  it('shows host down for containers of an unreachable ship and still exits 0', async () => {
    const r = await rig()
    await r.play('start', {containers: ['db-1']})
    r.fleet.get('b').down = true
    const result = await r.play('status')
    expect([...result.outcomes].map(([n, o]) => [n, o.outcome])).to.deep.equal([
      ['db-1', 'running'], ['app-1', 'absent'], ['app-2', 'host down'], ['web-1', 'absent'], ['cache-1', 'host down'],
    ])
    expect(result.exitCode).to.equal(0)
  })

  it('reports drift of a running container with the changed fields', async () => {
    const r = await rig()
    await r.play('start', {containers: ['cache-1']})
    r.env = shop({cache: {image: 'redis:7.2', instances: {'cache-1': {ship: 'b'}}}})
    const result = await r.play('status', {containers: ['cache-1']})
    const o = result.outcomes.get('cache-1')!
    expect(o.data?.drift).to.deep.equal(['image', 'env.DOCKER_IMAGE', 'env.DOCKER_TAG'])
    expect((o.data?.changes as {field: string; before: unknown; after: unknown}[])[0]).to.deep.equal({field: 'image', before: 'redis:7', after: 'redis:7.2'})
  })

  describe('with -F', () => {
    let server: Server
    let port: number
    before(async () => {
      server = createServer(() => undefined) // keeps the connection open, as a real service does
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
      port = (server.address() as {port: number}).port
    })
    after(() => new Promise<void>((resolve) => server.close(() => resolve())))

    it('probes each named port on the ship ip: tcp up or down, udp always down', async () => {
      const closed = createServer()
      await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
      const closedPort = (closed.address() as {port: number}).port
      await new Promise<void>((resolve) => closed.close(() => resolve()))
      const env = environment('probe', [ship('local', '127.0.0.1')], {
        svc: {image: 'app:1', instances: {'svc-1': {ship: 'local', ports: {http: `80:${port}`, admin: `81:${closedPort}`, dns: '53/udp'}}}},
      })
      const r = await rig(env)
      r.fleet.get('local').seed('svc-1', {Image: 'app:1', Labels: {}}, true)
      const result = await r.play('status', {containers: ['svc-1'], options: {full: true}})
      const o = result.outcomes.get('svc-1')!
      expect(o.data?.ports).to.deep.equal([
        {name: 'http', port: String(port), protocol: 'tcp', up: true},
        {name: 'admin', port: String(closedPort), protocol: 'tcp', up: false},
        {name: 'dns', port: '53', protocol: 'udp', up: false},
      ])
      expect(o.detail).to.equal(`for 3m [http:${port} up, admin:${closedPort} down, dns:53/udp down]`)
    })
  })
})

describe('planPlay', () => {
  it('plans create for absent, nothing for unchanged, recreate for changed: one list call per ship, one inspect per env change', async () => {
    const r = await rig()
    await r.play('start', {containers: ['db-1', 'app-1', 'app-2', 'cache-1']})
    for (const d of r.fleet.ships.values()) d.calls.length = 0
    const unchanged = await planPlay(r.kernel, r.env, {containers: ['db-1', 'app-1', 'app-2', 'cache-1']})
    expect(unchanged.changes).to.equal(false)
    const moved = shop({db: {image: 'postgres:16', instances: {'db-1': {ship: 'b', ports: {pg: 5432}}}}})
    const plan = await planPlay(r.kernel, moved, {containers: ['db-1', 'app-1', 'app-2', 'web-1', 'cache-1']})
    expect(plan.changes).to.equal(true)
    expect(plan.steps.map((s) => [s.container, s.action])).to.deep.equal([
      ['db-1', 'create'], ['app-1', 'recreate'], ['app-2', 'recreate'], ['web-1', 'create'], ['cache-1', 'nothing'],
    ])
    // labels hold no env values: the old ones are read from the containers whose env changed
    expect(r.fleet.allCalls().filter((c) => !c.endsWith('listContainers')).map((c) => c.replace(/ id\d+-/, ' '))).to.deep.equal(['a: inspectContainer app-1', 'b: inspectContainer app-2'])
    const app1 = plan.steps.find((s) => s.container === 'app-1')!
    expect(app1.changes.every((c) => !c.beforeUnknown && c.before !== undefined)).to.equal(true)
  })

  it('refuses with exit 3 when a ship is unreachable', async () => {
    const r = await rig()
    r.fleet.get('c').down = true
    const error = await planPlay(r.kernel, r.env, {containers: ['web-1']}).then(() => undefined, (e: {exit: number}) => e)
    expect(error?.exit).to.equal(3)
  })
})
