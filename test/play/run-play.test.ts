import {expect} from 'chai'
import {ALL, reset, rig, shop} from './setup.js'
import {ExitCode, MaestroError} from '../../src/api/index.js'

const before = (list: string[], a: string, b: string) => expect(list.indexOf(a), `${a} before ${b} in ${list.join(',')}`).to.be.lessThan(list.indexOf(b))

describe('runPlay start', () => {
  it('starts dependencies before dependents across ships', async () => {
    const r = await rig()
    const result = await r.play('start')
    expect(result.exitCode).to.equal(0)
    expect([...result.outcomes.values()].map((o) => o.outcome)).to.deep.equal(['started', 'started', 'started', 'started', 'started'])
    const starts = r.rec.of('container:start')
    before(starts, 'db-1', 'app-1')
    before(starts, 'db-1', 'app-2')
    before(starts, 'app-1', 'web-1')
    before(starts, 'app-2', 'web-1')
    expect(r.rec.payloads('task:wait').map((p) => [(p.container as {name: string}).name, p.waitingOn])).to.deep.equal([
      ['app-1', ['db-1']], ['app-2', ['db-1']], ['web-1', ['db-1', 'app-1', 'app-2']],
    ])
  })

  it('creates containers named by instance with the create spec and Maestro labels', async () => {
    const r = await rig()
    await r.play('start', {containers: ['web-1']})
    const c = r.fleet.get('c').containers.get('web-1')!
    expect(c.body.Image).to.equal('web:1')
    expect(c.body.Hostname).to.equal('web-1')
    expect(c.body.HostConfig?.PortBindings).to.deep.equal({'80/tcp': [{HostIp: '0.0.0.0', HostPort: '8080'}]})
    expect(c.body.Env).to.include('CONTAINER_HOST_ADDRESS=10.0.0.3')
    expect(c.body.Labels).to.include({'io.maestro.environment': 'shop', 'io.maestro.service': 'web', 'io.maestro.container': 'web-1', 'io.maestro.config-version': '3'})
    expect(c.body.Labels!['io.maestro.config-hash']).to.match(/^[0-9a-f]{64}$/)
  })

  it('emits events in the catalogue order', async () => {
    const r = await rig()
    await r.play('start', {containers: ['db-1']})
    expect(r.rec.lines()).to.deep.equal([
      'transport:open', 'transport:open', 'transport:open', 'play:start', 'task:start db-1', 'task:progress db-1', 'container:create db-1',
      'task:progress db-1', 'container:start db-1', 'task:progress db-1', 'task:end db-1', 'play:end', 'transport:close', 'transport:close', 'transport:close',
    ])
  })

  it('changes nothing on a second start and costs one list call per ship', async () => {
    const r = await rig()
    const first = await r.play('start')
    reset(r)
    const second = await r.play('start')
    expect([...second.outcomes.values()].map((o) => o.outcome)).to.deep.equal(['up', 'up', 'up', 'up', 'up'])
    expect([...second.outcomes.values()].map((o) => o.id)).to.deep.equal([...first.outcomes.values()].map((o) => o.id))
    expect(r.fleet.allCalls()).to.deep.equal(['a: listContainers', 'b: listContainers', 'c: listContainers'])
    expect(second.requests).to.deep.equal({a: 1, b: 1, c: 1})
  })

  it('start lists every ship of the file (orphans can be on any) and changes only those in the play; it closes them all', async () => {
    const r = await rig()
    await r.play('start', {containers: ['cache-1']})
    expect([...r.fleet.connects].sort()).to.deep.equal(['a', 'b', 'c'])
    for (const s of ['a', 'b', 'c']) expect(r.fleet.get(s).closed, s).to.equal(true)
    expect(r.fleet.get('a').calls).to.deep.equal(['listContainers'])
  })

  it('pull and restart open clients only for ships in the play', async () => {
    const r = await rig()
    await r.play('pull', {containers: ['cache-1']})
    await r.play('restart', {containers: ['cache-1']})
    expect(r.fleet.connects).to.deep.equal(['b', 'b'])
    expect(r.fleet.get('a').calls).to.deep.equal([])
  })

  it('honours only dependencies inside the play', async () => {
    const r = await rig()
    const result = await r.play('start', {containers: ['web-1']})
    expect(result.outcomes.get('web-1')?.outcome).to.equal('started')
    expect(r.fleet.get('a').containers.size).to.equal(0)
    expect(r.rec.of('task:wait')).to.deep.equal([])
  })

  it('stops on the first failure: nothing new starts, exit 1, the rest skipped with the reason', async () => {
    const r = await rig()
    r.fleet.get('a').failWith = (call, arg) => (call === 'startContainer' && arg === 'app-1' ? new Error('no space left on device') : undefined)
    const result = await r.play('start')
    expect(result.exitCode).to.equal(1)
    expect(result.error).to.be.instanceOf(MaestroError)
    expect(result.error?.message).to.contain('no space left on device')
    expect(result.outcomes.get('app-1')?.status).to.equal('failed')
    expect(result.outcomes.get('web-1')).to.deep.equal({status: 'skipped', reason: 'app-1 failed'})
    expect(result.outcomes.get('db-1')?.outcome).to.equal('started')
    expect(r.fleet.get('c').containers.size).to.equal(0)
    expect(r.rec.payloads('task:skip').map((p) => [(p.container as {name: string}).name, p.reason, p.detail])).to.deep.equal([['web-1', 'aborted', 'app-1 failed']])
    expect(result.stats).to.include({total: 5, failed: 1, skipped: 1})
    expect(r.rec.lines((e) => !e.event.startsWith('transport:')).at(-1)).to.equal('play:end')
  })

  it('fails a container whose process exits right after start', async () => {
    const r = await rig()
    r.fleet.get('b').exitOnStart.add('cache-1')
    const result = await r.play('start', {containers: ['cache-1']})
    expect(result.exitCode).to.equal(1)
    expect(result.error?.message).to.contain('container did not start (exited, exit code 1)')
  })

  it('runs one container at a time with concurrency 1', async () => {
    const r = await rig()
    for (const d of r.fleet.ships.values()) d.latencyMs = 3
    await r.play('start', {concurrency: 1})
    let running = 0
    let peak = 0
    for (const e of r.rec.events) {
      if (e.event === 'task:start') peak = Math.max(peak, ++running)
      if (e.event === 'task:end') running--
    }
    expect(peak).to.equal(1)
  })

  it('ignores ordering with -i', async () => {
    const r = await rig()
    r.fleet.get('a').latencyMs = 20
    const result = await r.play('start', {ignoreDependencies: true})
    expect(result.exitCode).to.equal(0)
    expect(r.rec.of('task:wait')).to.deep.equal([])
    before(r.rec.of('task:end'), 'web-1', 'db-1')
  })

  it('refuses to change anything when a ship of the play is unreachable', async () => {
    const r = await rig()
    r.fleet.get('b').down = true
    const error = await r.play('start').then(() => undefined, (e: unknown) => e)
    expect(error).to.be.instanceOf(MaestroError)
    expect((error as MaestroError).exit).to.equal(3)
    expect((error as MaestroError).message).to.contain('ship b (fake://b) is unreachable')
    expect(r.fleet.allCalls().filter((c) => !c.endsWith('listContainers'))).to.deep.equal([])
    expect(r.rec.lines().filter((l) => l.startsWith('play:'))).to.deep.equal([])
  })

  it('starts an existing stopped container with --reuse instead of recreating it', async () => {
    const r = await rig()
    await r.play('start', {containers: ['cache-1']})
    const id = r.fleet.get('b').containers.get('cache-1')!.id
    await r.play('stop', {containers: ['cache-1']})
    reset(r)
    const result = await r.play('start', {containers: ['cache-1'], options: {reuse: true}})
    expect(result.outcomes.get('cache-1')).to.include({outcome: 'started', id})
    expect(r.fleet.get('b').callNames()).to.deep.equal(['listContainers', 'inspectImage', 'startContainer', 'inspectContainer'])
  })

  it('removes and recreates a stopped container without --reuse', async () => {
    const r = await rig()
    await r.play('start', {containers: ['cache-1']})
    await r.play('stop', {containers: ['cache-1']})
    reset(r)
    await r.play('start', {containers: ['cache-1']})
    expect(r.fleet.get('b').callNames()).to.deep.equal(['listContainers', 'inspectImage', 'removeContainer', 'createContainer', 'startContainer', 'inspectContainer'])
  })

  it('recreates only changed running containers with --converge and reports drift otherwise', async () => {
    const r = await rig()
    await r.play('start')
    r.env = shop({cache: {image: 'redis:7', instances: {'cache-1': {ship: 'b', env: {MAXMEMORY: '1g'}}}}})
    const plain = await r.play('start')
    expect(plain.outcomes.get('cache-1')).to.deep.include({outcome: 'up'})
    expect(plain.outcomes.get('cache-1')?.data?.drift).to.deep.equal(['env.MAXMEMORY'])
    reset(r)
    const converged = await r.play('start', {options: {converge: true}})
    expect([...converged.outcomes.values()].map((o) => o.outcome)).to.deep.equal(['up', 'up', 'up', 'up', 'recreated'])
    expect(r.fleet.get('b').callNames()).to.deep.equal(['listContainers', 'inspectImage', 'stopContainer', 'removeContainer', 'createContainer', 'startContainer', 'inspectContainer'])
    expect(r.fleet.get('b').containers.get('cache-1')!.body.Env).to.include('MAXMEMORY=1g')
  })

  it('pulls a missing image once per ship and image, with progress events', async () => {
    const r = await rig(shop({app: {image: 'app:2'}}))
    const result = await r.play('start')
    expect(result.exitCode).to.equal(0)
    expect(r.fleet.get('a').pulls.map((p) => p.ref)).to.deep.equal(['app:2'])
    expect(r.fleet.get('b').pulls.map((p) => p.ref)).to.deep.equal(['app:2'])
    expect(r.rec.payloads('image:pull').map((p) => p.percent)).to.include(50)
  })

  it('asks for image presence once per ship and image, not per container', async () => {
    const r = await rig(shop({app: {image: 'app:1', requires: ['db'], instances: {'app-1': {ship: 'a'}, 'app-2': {ship: 'a'}, 'app-3': {ship: 'a'}, 'app-4': {ship: 'b'}}}}))
    const result = await r.play('start', {containers: ['db-1', 'app-1', 'app-2', 'app-3', 'app-4', 'cache-1']})
    expect(result.exitCode).to.equal(0)
    const inspects = (ship: string) => r.fleet.get(ship).callNames().filter((c) => c === 'inspectImage').length
    expect(inspects('a')).to.equal(2)
    expect(inspects('b')).to.equal(2)
    expect(r.fleet.get('a').callNames().filter((c) => c === 'createContainer')).to.have.length(4)
  })

  it('asks every image it will need when the play begins, before the first create, not once dependencies are up', async () => {
    const r = await rig()
    await r.play('start')
    for (const ship of ['a', 'b', 'c']) {
      const calls = r.fleet.get(ship).callNames()
      expect(calls.lastIndexOf('inspectImage'), `${ship}: ${calls.join(',')}`).to.be.lessThan(calls.indexOf('createContainer'))
    }
    expect(['a', 'b', 'c'].flatMap((s) => r.fleet.get(s).callNames()).filter((c) => c === 'inspectImage')).to.have.length(5)
  })

  it('always pulls with -r (refreshImages)', async () => {
    const r = await rig()
    await r.play('start', {containers: ['db-1'], options: {refreshImages: true}})
    expect(r.fleet.get('a').pulls.map((p) => p.ref)).to.deep.equal(['postgres:16'])
  })

  it('takes the exit code and message of the interruption it was aborted with (SIGTERM: 143)', async () => {
    const r = await rig()
    const ac = new AbortController()
    r.kernel.events.on('container:start', (e) => {
      if (e.container.name === 'db-1') ac.abort(new MaestroError('MAESTRO_INTERRUPTED', 'interrupted by SIGTERM', {exit: ExitCode.TERMINATED}))
    })
    const result = await r.play('start', {signal: ac.signal})
    expect(result.exitCode).to.equal(143)
    expect(result.error?.message).to.equal('interrupted by SIGTERM')
    expect((r.rec.payloads('play:end')[0].error as MaestroError).message).to.equal('interrupted by SIGTERM')
  })

  it('stops at once on interrupt: exit 130, the rest interrupted', async () => {
    const r = await rig()
    const ac = new AbortController()
    r.fleet.get('a').latencyMs = 10
    r.kernel.events.on('container:start', (e) => {
      if (e.container.name === 'db-1') ac.abort()
    })
    const result = await r.play('start', {signal: ac.signal})
    expect(result.exitCode).to.equal(130)
    expect(result.error?.code).to.equal('MAESTRO_INTERRUPTED')
    expect(result.outcomes.get('web-1')?.status).to.equal('skipped')
    expect(r.rec.payloads('task:skip').map((p) => p.reason)).to.include('interrupted')
    expect(r.rec.payloads('play:end')[0].interrupted).to.equal(true)
  })
})

describe('runPlay stop, kill, clean, restart', () => {
  it('stops dependents before dependencies', async () => {
    const r = await rig()
    await r.play('start')
    const result = await r.play('stop')
    expect([...result.outcomes.values()].map((o) => o.outcome)).to.deep.equal(['stopped', 'stopped', 'stopped', 'stopped', 'stopped'])
    const stops = r.rec.of('container:stop')
    before(stops, 'web-1', 'app-1')
    before(stops, 'web-1', 'app-2')
    before(stops, 'app-1', 'db-1')
    before(stops, 'app-2', 'db-1')
  })

  it('keeps going when a stop fails, and reports it', async () => {
    const r = await rig()
    await r.play('start')
    r.fleet.get('a').failWith = (call, arg) => (call === 'stopContainer' && arg === 'app-1' ? new Error('timeout') : undefined)
    const result = await r.play('stop')
    expect(result.outcomes.get('app-1')?.status).to.equal('failed')
    expect(result.outcomes.get('db-1')?.outcome).to.equal('stopped')
    expect(result.exitCode).to.equal(1)
  })

  it('says down and absent for containers not running', async () => {
    const r = await rig()
    await r.play('start', {containers: ['db-1']})
    await r.play('stop', {containers: ['db-1']})
    const result = await r.play('kill', {containers: ['db-1', 'cache-1']})
    expect([...result.outcomes.values()].map((o) => o.outcome)).to.deep.equal(['down', 'absent'])
  })

  it('kills running containers', async () => {
    const r = await rig()
    await r.play('start', {containers: ['cache-1']})
    const result = await r.play('kill', {containers: ['cache-1']})
    expect(result.outcomes.get('cache-1')?.outcome).to.equal('killed')
    expect(r.fleet.get('b').containers.get('cache-1')!.exitCode).to.equal(137)
  })

  it('cleans stopped containers with their volumes and skips running ones', async () => {
    const r = await rig()
    await r.play('start', {containers: ['db-1', 'cache-1']})
    await r.play('stop', {containers: ['cache-1']})
    const result = await r.play('clean', {containers: ['db-1', 'cache-1', 'web-1']})
    expect([...result.outcomes.values()].map((o) => o.outcome)).to.deep.equal(['skipped', 'removed', 'absent'])
    expect(r.fleet.get('b').containers.has('cache-1')).to.equal(false)
  })

  it('restarts dependencies before dependents, each stopped then started', async () => {
    const r = await rig()
    await r.play('start')
    reset(r)
    const result = await r.play('restart')
    expect(result.exitCode).to.equal(0)
    const events = r.rec.lines((e) => e.event === 'container:stop' || e.event === 'container:start')
    before(events, 'container:start db-1', 'container:stop app-1')
    before(events, 'container:start app-2', 'container:stop web-1')
    for (const n of ALL) before(events, `container:stop ${n}`, `container:start ${n}`)
  })

  it('skips containers already on the configured image with --only-if-changed', async () => {
    const r = await rig()
    await r.play('start', {containers: ['db-1', 'cache-1']})
    r.fleet.get('b').addImage('redis:7', 'sha256:newer')
    const result = await r.play('restart', {containers: ['db-1', 'cache-1'], options: {onlyIfChanged: true}})
    expect(result.outcomes.get('db-1')?.outcome).to.equal('up to date')
    expect(result.outcomes.get('cache-1')?.outcome).to.equal('started')
  })

  it('waits --step-delay before every container but the first', async () => {
    const r = await rig()
    await r.play('start', {containers: ['db-1', 'cache-1']})
    const t0 = Date.now()
    await r.play('restart', {containers: ['db-1', 'cache-1'], concurrency: 1, options: {stepDelay: 0.1}})
    const elapsed = Date.now() - t0
    expect(elapsed).to.be.at.least(100)
    expect(elapsed).to.be.below(2000)
  })
})

describe('runPlay clean with -i', () => {
  it('keeps dependency order (upstream ignores -i for clean)', async () => {
    const r = await rig()
    await r.play('start')
    await r.play('stop')
    reset(r)
    await r.play('clean', {ignoreDependencies: true})
    expect(r.rec.of('task:wait')).to.include('web-1')
    expect(r.rec.payloads('play:start')[0].ordered).to.equal(true)
  })
})
