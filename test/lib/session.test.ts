import {expect} from 'chai'
import {join} from 'node:path'
import {PassThrough} from 'node:stream'
import {openEnvironment, definePlugin, Tokens, isMaestroError, type EventName, type MaestroPlugin, type Session} from '../../src/index.js'
import {FakeFleet} from '../helpers/fake-docker.js'
import {projectRoot, tempProject} from '../helpers/cli.js'

const SHOP = `name: shop
ships:
  a: {ip: 127.0.0.1, docker_port: 1}
  b: {ip: 127.0.0.2, docker_port: 1}
services:
  db:
    image: postgres:16
    instances: {db-1: {ship: a, ports: {pg: 5432}}}
  app:
    image: app:1
    requires: [db]
    env: {GREETING: '{{ env.GREETING }}'}
    instances: {app-1: {ship: a}, app-2: {ship: b}}
  cache:
    image: redis:7
    omit: true
    instances: {cache-1: {ship: b}}
`

/** The fake fleet's transport, ordered `pre` so it wins over the built-in Docker transport for these ships. */
const pre = (fleet: FakeFleet): MaestroPlugin => ({...fleet.plugin(), order: 'pre'})

function fleetFor(): FakeFleet {
  const fleet = new FakeFleet(['a', 'b'])
  for (const d of fleet.ships.values()) for (const img of ['postgres:16', 'app:1', 'redis:7']) d.addImage(img)
  return fleet
}

describe('library: openEnvironment', () => {
  let t: {dir: string; cleanup: () => void}
  before(() => (t = tempProject({'maestro.yaml': SHOP})))
  after(() => t.cleanup())

  it('loads and validates a MaestroNG file with the built-in plugins, no CLI needed', async () => {
    const s = await openEnvironment(join(projectRoot, 'examples/zookeeper-kafka.yaml'), {env: {}})
    try {
      expect(s.environment.name).to.be.a('string')
      expect(Object.keys(s.environment.services)).to.include.members(['zookeeper', 'kafka'])
      expect(s.graph.dependencies('kafka')).to.deep.equal(['zookeeper'])
      expect(s.graph.dependents('zookeeper')).to.include('kafka')
      expect(s.select(['kafka'], {withDependencies: true}).some((c) => s.environment.containers[c].service === 'zookeeper')).to.equal(true)
    } finally {
      await s.close()
    }
  })

  it('renders templates with the given env and computes a container environment', async () => {
    const s = await openEnvironment(join(t.dir, 'maestro.yaml'), {env: {GREETING: 'hello'}, plugins: [pre(fleetFor())]})
    try {
      const env = new Map(s.envOf('app-1'))
      expect(env.get('GREETING')).to.equal('hello')
      expect(env.get('DB_DB_1_HOST')).to.equal('127.0.0.1')
      expect(() => s.envOf('app-3')).to.throw(/app-3 is neither a service nor a container!.*did you mean/)
    } finally {
      await s.close()
    }
  })

  it('rejects an invalid file with every problem, as a MaestroError with exit code 2', async () => {
    const bad = tempProject({'bad.yaml': 'name: bad\nships: {a: {ip: 127.0.0.1, docker_port: 1}}\nservices:\n  web:\n    instances: {web-1: {ship: nowhere}}\n'})
    try {
      const error = await openEnvironment(join(bad.dir, 'bad.yaml'), {env: {}}).then(() => undefined, (e: unknown) => e)
      expect(isMaestroError(error)).to.equal(true)
      if (!isMaestroError(error)) return
      expect(error.exit).to.equal(2)
      expect(error.issues.filter((i) => i.severity === 'error').map((i) => i.message).join('\n')).to.match(/image/).and.match(/nowhere/)
    } finally {
      bad.cleanup()
    }
  })

  it('skips plugins written for another API major, with a coded problem, as the CLI does', async () => {
    const old = definePlugin({name: 'old', api: '^0.9.0', register() {}})
    const s = await openEnvironment(join(t.dir, 'maestro.yaml'), {env: {}, plugins: [old]})
    expect(s.problems.map((p) => p.code)).to.deep.equal(['MAESTRO_PLUGIN_API'])
    await s.close()
  })

  it('a plugin whose register() throws half-way leaves no registration behind (same policy as the CLI)', async () => {
    const half = definePlugin({name: 'half', api: '^1.0.0', register(ctx) {
      ctx.registry.register(Tokens.Reporter, {useValue: {name: 'half-reporter', create: () => ({attach() {}})}})
      throw new Error('kaput')
    }})
    const s = await openEnvironment(join(t.dir, 'maestro.yaml'), {env: {}, plugins: [half]})
    expect(s.problems.map((p) => [p.code, p.message])).to.deep.equal([['MAESTRO_PLUGIN_REGISTER', 'plugin half failed to register and was skipped: kaput']])
    expect(s.reporterNames()).not.to.include('half-reporter')
    await s.close()
  })
})

describe('library: Session plays', () => {
  let t: {dir: string; cleanup: () => void}
  let fleet: FakeFleet
  let s: Session
  const seen: string[] = []
  before(async () => {
    t = tempProject({'maestro.yaml': SHOP})
    fleet = fleetFor()
    s = await openEnvironment(join(t.dir, 'maestro.yaml'), {env: {}, plugins: [pre(fleet)]})
    for (const e of ['play:start', 'task:end', 'play:end'] as EventName[]) s.events.on(e, (p) => void seen.push(`${e}${'container' in p ? ` ${(p as {container: {name: string}}).container.name}` : ''}`))
  })
  after(async () => {
    await s.close()
    t.cleanup()
  })

  it('start brings up what is not omitted, dependencies first, and returns typed results', async () => {
    seen.length = 0
    const r = await s.start()
    expect(r.exitCode).to.equal(0)
    expect([...r.outcomes.keys()]).to.deep.equal(['db-1', 'app-1', 'app-2'])
    expect([...r.outcomes.values()].map((o) => o.outcome)).to.deep.equal(['started', 'started', 'started'])
    expect(r.stats.succeeded).to.equal(3)
    expect(fleet.get('a').calls.filter((c) => c.startsWith('startContainer')).map((c) => c.split(' ')[1])).to.deep.equal(['db-1', 'app-1'])
    expect(seen[0]).to.equal('play:start')
    expect(seen.at(-1)).to.equal('play:end')
    expect(seen.filter((l) => l.startsWith('task:end')).sort()).to.deep.equal(['task:end app-1', 'task:end app-2', 'task:end db-1'])
  })

  it('status reports every container, omitted ones included', async () => {
    const r = await s.status()
    expect([...r.outcomes].map(([n, o]) => `${n} ${o.outcome}`)).to.deep.equal(['db-1 running', 'app-1 running', 'app-2 running', 'cache-1 absent'])
  })

  it('orders a play with the scheduler named in the options', async () => {
    const order: string[] = []
    const tagged = await openEnvironment(join(t.dir, 'maestro.yaml'), {env: {}, plugins: [pre(fleet), definePlugin({
      name: 'last-first', api: '^1.0.0', register: (ctx) => ctx.registry.register(Tokens.Scheduler, {useValue: {
        name: 'last-first',
        async run(nodes, _options, work) {
          for (const n of [...nodes].reverse()) (order.push(n.id), await work(n.id))
          return new Map(nodes.map((n) => [n.id, {status: 'done' as const}]))
        },
      }}),
    })]})
    try {
      expect((await tagged.status([], {scheduler: 'last-first'})).exitCode).to.equal(0)
      expect(order).to.deep.equal(['cache-1', 'app-2', 'app-1', 'db-1'])
      const err = await tagged.status([], {scheduler: 'nope'}).then(() => undefined, (e: unknown) => e)
      expect(isMaestroError(err) && err.message).to.equal('unknown scheduler nope (available: dag, last-first)')
    } finally {
      await tagged.close()
    }
  })

  it('plan says nothing would change once up', async () => {
    const p = await s.plan()
    expect(p.changes).to.equal(false)
  })

  it('stop takes a service name without -s, and stops its dependents first with withDependencies', async () => {
    const r = await s.stop(['db'], {withDependencies: true})
    expect(r.exitCode).to.equal(0)
    expect([...r.outcomes.keys()].sort()).to.deep.equal(['app-1', 'app-2', 'db-1'])
    expect(fleet.get('a').containers.get('db-1')!.running).to.equal(false)
    const calls = fleet.get('a').calls.filter((c) => c.startsWith('stopContainer'))
    expect(calls.findIndex((c) => c.includes('app-1'))).to.be.lessThan(calls.findIndex((c) => c.includes('db-1')))
  })

  it('clean removes the stopped containers', async () => {
    const r = await s.clean()
    expect(r.exitCode).to.equal(0)
    // what is left is the deploy lock's marker on the lock ship (a, the first ship the file uses), held until close()
    expect([...fleet.get('a').containers.keys()]).to.deep.equal(['maestro-lock-shop'])
    expect(fleet.get('b').containers.size).to.equal(0)
  })

  it('a failed action is a result with exit code 1, not an exception', async () => {
    fleet.get('b').failWith = (call, arg) => (call === 'startContainer' && arg === 'app-2' ? new Error('boom') : undefined)
    try {
      const r = await s.start()
      expect(r.exitCode).to.equal(1)
      expect(r.outcomes.get('app-2')!.status).to.equal('failed')
      expect(r.outcomes.get('app-2')!.error!.message).to.match(/boom/)
    } finally {
      fleet.get('b').failWith = undefined
    }
  })

  it('unknown things throw a usage error with a suggestion', () => {
    expect(() => s.select(['dbb'])).to.throw(/dbb is neither a service nor a container!.*did you mean db/)
  })

  it('offers the reporters of the built-in plugins to extra plugins through the same tokens', async () => {
    let names: string[] = []
    const probe = definePlugin({name: 'probe', api: '^1.0.0', register: (ctx) => ctx.registry.register(Tokens.Loader, {useFactory: (r) => ((names = r.resolveAll(Tokens.Reporter).map((f) => f.name)), {name: 'never', canLoad: () => false, load: () => Promise.reject(new Error('never'))})})})
    const other = await openEnvironment(join(t.dir, 'maestro.yaml'), {env: {}, plugins: [probe]})
    await other.close()
    expect(names).to.include('console')
  })

  it('attaches a reporter by name, as --reporter does, and flushes it at close()', async () => {
    const other = await openEnvironment(join(t.dir, 'maestro.yaml'), {env: {}, plugins: [pre(fleetFor())]})
    const out = new PassThrough()
    let text = ''
    out.on('data', (d: Buffer) => (text += d.toString()))
    other.useReporter('json', out)
    expect(() => other.useReporter('nope', out)).to.throw(/unknown reporter nope \(available: .*json.*\)/)
    await other.status(['db'])
    await other.close()
    const events = text.trim().split('\n').map((l) => (JSON.parse(l) as {event: string}).event)
    expect(events.filter((e) => e.startsWith('play:'))).to.deep.equal(['play:start', 'play:end'])
    expect(events).to.include('task:end')
    expect(events.indexOf('task:end')).to.be.greaterThan(events.indexOf('play:start'))
  })

  it('a closed session refuses to play', async () => {
    const other = await openEnvironment(join(t.dir, 'maestro.yaml'), {env: {}})
    await other.close()
    expect(() => other.select([])).not.to.throw()
    const e = await other.status().then(() => undefined, (x: unknown) => x)
    expect(isMaestroError(e) && e.message).to.equal('this session is closed')
  })
})
