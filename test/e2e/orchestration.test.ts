import {expect} from 'chai'
import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {connect} from 'node:net'
import {Kernel} from '../../src/kernel/kernel.js'
import {plugins as builtins} from '../../plugins/index.js'
import {loadEnvironment} from '../../src/model/load.js'
import {selectContainers, type SelectOptions} from '../../src/graph/select.js'
import {computeContainerEnv} from '../../src/env/compute.js'
import {planPlay, runPlay, type PlayOptions, type PlayRequest} from '../../src/play/index.js'
import {NO_TRANSPORT_FLAGS, Tokens, type Action, type DockerClient, type MaestroError} from '../../src/api/index.js'
import type {Environment} from '../../src/model/types.js'
import {useLab, writeLabEnvironment, type Lab} from '../helpers/lab.js'
import {EventRecorder} from '../helpers/recorder.js'

/** data-1 (ship1) <- db-1 (ship1, volumes_from data-1, httpd on 18080) <- app-1 (ship2), app-2 (ship3) <- web-1 (ship3, httpd on 18081). */
function body(lab: Lab, hostDir: string, greeting = 'hello'): string {
  const img = lab.image
  return `services:
  data:
    image: ${img}
    instances:
      data-1: {ship: ship1, command: sleep 86400, stop_timeout: 1, container_volumes: [/data]}
  db:
    image: ${img}
    instances:
      db-1: {ship: ship1, command: httpd -f -p 8080 -h /www, stop_timeout: 1, volumes_from: [data-1], volumes: {/host: ${hostDir}}, ports: {http: '8080:18080'}}
  app:
    image: ${img}
    requires: [db]
    env: {GREETING: ${greeting}, FLAG: true}
    instances:
      app-1: {ship: ship2, command: sleep 86400, stop_timeout: 1}
      app-2: {ship: ship3, command: sleep 86400, stop_timeout: 1}
  web:
    image: ${img}
    requires: [app]
    instances:
      web-1: {ship: ship3, command: httpd -f -p 8080 -h /www, stop_timeout: 1, ports: {http: '8080:18081'}}
`
}

const tcpOpen = (host: string, port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const s = connect({host, port})
    const done = (ok: boolean) => (s.destroy(), resolve(ok))
    s.setTimeout(1000, () => done(false))
    s.once('connect', () => done(true))
    s.once('error', () => done(false))
  })

describe('orchestration on the lab @e2e', function () {
  this.timeout(120_000)
  let lab: Lab
  let kernel: Kernel
  let env: Environment
  let file: string
  const hostDir = mkdtempSync(join(tmpdir(), 'maestro-e2e-vol-'))
  const clients = new Map<string, DockerClient>()

  const load = async (f: string) => (await loadEnvironment(kernel, f, {env: process.env})).environment
  const docker = (ship: string): DockerClient => {
    if (!clients.has(ship)) {
      const s = env.ships[ship]
      const t = kernel.first(Tokens.Transport, (x) => x.canHandle(s), 'transport')
      clients.set(ship, t.connect(s, {flags: NO_TRANSPORT_FLAGS, env: process.env, baseDir: env.baseDir, log: kernel.log}))
    }
    return clients.get(ship)!
  }
  const inspect = (name: string) => docker(env.containers[name].ship).inspectContainer(name)
  const all = () => Object.keys(env.containers)
  const play = (command: Action, containers: string[] = all(), extra: Partial<PlayRequest> = {}, options: PlayOptions = {}) =>
    runPlay(kernel, env, {command, containers, options, ...extra})
  const select = (command: Action, things: string[], options: Omit<SelectOptions, 'command'> = {}) => selectContainers(env, things, {command, ...options})

  before(async function () {
    lab = await useLab({ships: 3, context: this})
    kernel = await Kernel.boot({plugins: await builtins()})
    writeFileSync(join(hostDir, 'hello.txt'), 'from the host\n')
    file = writeLabEnvironment(lab, body(lab, hostDir), {name: 'e2e-orchestration'})
    env = await load(file)
    await play('kill')
    await play('clean')
  })

  after(async () => {
    if (!kernel) return
    env = await load(file)
    await play('kill').catch(() => undefined)
    await play('clean').catch(() => undefined)
    await Promise.all([...clients.values()].map((c) => c.close()))
    await kernel.dispose()
  })

  it('starts everything in dependency order (StartedAt)', async () => {
    const result = await play('start')
    expect(result.exitCode, result.error?.message).to.equal(0)
    const started = async (n: string) => Date.parse((await inspect(n))!.State.StartedAt)
    const [data, db, app1, app2, web] = await Promise.all(['data-1', 'db-1', 'app-1', 'app-2', 'web-1'].map(started))
    expect(data).to.be.below(db)
    expect(db).to.be.below(app1)
    expect(db).to.be.below(app2)
    expect(Math.max(app1, app2)).to.be.below(web)
  })

  it('changes nothing on a second start (same container ids)', async () => {
    const before = await Promise.all(all().map(async (n) => (await inspect(n))!.Id))
    const result = await play('start')
    expect([...result.outcomes.values()].every((o) => o.outcome === 'up')).to.equal(true)
    // per ship, in parallel: the container list and the not-ready memory of --keep-failed (src/play/not-ready.ts)
    expect(result.requests).to.deep.equal({ship1: 2, ship2: 2, ship3: 2})
    const after = await Promise.all(all().map(async (n) => (await inspect(n))!.Id))
    expect(after).to.deep.equal(before)
  })

  it('publishes ports on the right ship', async () => {
    const [s1, s2, s3] = lab.ships
    expect(await tcpOpen(s1.ip, 18080)).to.equal(true)
    expect(await tcpOpen(s3.ip, 18081)).to.equal(true)
    expect(await tcpOpen(s2.ip, 18081)).to.equal(false)
    expect(await tcpOpen(s2.ip, 18080)).to.equal(false)
  })

  it('gives each container the environment computeContainerEnv computes', async () => {
    for (const name of ['app-1', 'web-1']) {
      const out = await docker(env.containers[name].ship).exec(name, ['env'])
      const inside = new Set(out.output.split('\n').map((l) => l.trim()).filter(Boolean))
      const expected = computeContainerEnv(env, name).filter(([, v]) => v !== null).map(([k, v]) => `${k}=${v}`)
      expect(expected.filter((kv) => !inside.has(kv)), name).to.deep.equal([])
    }
    const app = computeContainerEnv(env, 'app-1')
    expect(app).to.deep.include(['DB_DB_1_HOST', lab.ships[0].ip])
    expect(app).to.deep.include(['FLAG', 'True'])
  })

  it('mounts volumes and volumes_from', async () => {
    const d1 = docker('ship1')
    expect((await d1.exec('db-1', ['cat', '/host/hello.txt'])).output).to.contain('from the host')
    expect((await d1.exec('data-1', ['sh', '-c', 'echo shared > /data/f'])).exitCode).to.equal(0)
    expect((await d1.exec('db-1', ['cat', '/data/f'])).output).to.contain('shared')
  })

  it('shows drift in status and plan, and start --converge recreates only what changed', async () => {
    const ids = new Map(await Promise.all(all().map(async (n) => [n, (await inspect(n))!.Id] as const)))
    env = await load(writeLabEnvironment(lab, body(lab, hostDir, 'bye'), {name: 'e2e-orchestration', dir: join(file, '..')}))
    const status = await play('status')
    expect([...status.outcomes].filter(([, o]) => (o.data?.drift as string[]).length > 0).map(([n]) => n)).to.deep.equal(['app-1', 'app-2'])
    expect(status.outcomes.get('app-1')?.data?.drift).to.deep.equal(['env.GREETING'])
    const plan = await planPlay(kernel, env, {containers: all()})
    expect(plan.changes).to.equal(true)
    expect(plan.steps.map((s) => [s.container, s.action])).to.deep.equal([['data-1', 'nothing'], ['db-1', 'nothing'], ['app-1', 'recreate'], ['app-2', 'recreate'], ['web-1', 'nothing']])
    const plain = await play('start')
    expect(plain.outcomes.get('app-1')?.outcome).to.equal('up')
    const converged = await play('start', all(), {}, {converge: true})
    expect(converged.exitCode, converged.error?.message).to.equal(0)
    for (const n of all()) {
      const id = (await inspect(n))!.Id
      if (n.startsWith('app-')) expect(id, n).to.not.equal(ids.get(n))
      else expect(id, n).to.equal(ids.get(n))
    }
    expect((await docker('ship2').exec('app-1', ['env'])).output).to.contain('GREETING=bye')
    expect((await planPlay(kernel, env, {containers: all()})).changes).to.equal(false)
  })

  it('stops dependents before dependencies (FinishedAt)', async () => {
    const result = await play('stop', select('stop', [], {all: true}))
    expect(result.exitCode, result.error?.message).to.equal(0)
    const finished = async (n: string) => Date.parse((await inspect(n))!.State.FinishedAt)
    const [data, db, app1, app2, web] = await Promise.all(['data-1', 'db-1', 'app-1', 'app-2', 'web-1'].map(finished))
    expect(web).to.be.below(Math.min(app1, app2))
    expect(Math.max(app1, app2)).to.be.below(db)
    expect(data).to.be.above(0)
  })

  it('acts only on the named container without -d, and on its dependencies with -d', async () => {
    const only = select('start', ['web-1'])
    expect(only).to.deep.equal(['web-1'])
    await play('start', only)
    expect((await inspect('web-1'))!.State.Running).to.equal(true)
    expect((await inspect('app-1'))!.State.Running).to.equal(false)
    const withDeps = select('start', ['web-1'], {withDependencies: true})
    expect(withDeps).to.deep.equal(all())
    const result = await play('start', withDeps)
    expect(result.outcomes.get('web-1')?.outcome).to.equal('up')
    expect(result.outcomes.get('db-1')?.outcome).to.equal('started')
  })

  it('filters by ship (-S) and container (-C) globs', async () => {
    const onShip3 = select('stop', ['app', 'web'], {expandServices: true, shipFilter: 'ship3'})
    expect(onShip3).to.deep.equal(['app-2', 'web-1'])
    await play('stop', onShip3)
    expect((await inspect('app-2'))!.State.Running).to.equal(false)
    expect((await inspect('app-1'))!.State.Running).to.equal(true)
    const apps = select('start', [], {containerFilter: 'app-*', ignoreDependencies: true})
    expect(apps).to.deep.equal(['app-1', 'app-2'])
    const result = await play('start', apps)
    expect([...result.outcomes.values()].map((o) => o.outcome)).to.deep.equal(['up', 'started'])
  })

  it('runs one container at a time with -c 1 and ignores order with -i', async () => {
    await play('stop', all())
    const rec = new EventRecorder(kernel)
    await play('restart', all(), {concurrency: 1})
    let running = 0
    let peak = 0
    for (const e of rec.events) {
      if (e.event === 'task:start') peak = Math.max(peak, ++running)
      if (e.event === 'task:end' || e.event === 'task:fail') running--
    }
    expect(peak).to.equal(1)
    expect(rec.of('task:start')).to.deep.equal(all())
    rec.events.length = 0
    await play('stop', all(), {ignoreDependencies: true})
    expect(rec.of('task:wait')).to.deep.equal([])
    expect(rec.payloads('play:start').at(-1)?.ordered).to.equal(false)
  })

  it('aborts the play when a container fails: exit 1, dependents never created', async () => {
    const broken = writeLabEnvironment(lab, `services:
  broken:
    image: ${lab.image}
    instances: {broken-1: {ship: ship1, command: /does-not-exist}}
  after:
    image: ${lab.image}
    requires: [broken]
    instances: {after-1: {ship: ship2, command: sleep 86400, stop_timeout: 1}}
`, {name: 'e2e-broken'})
    const benv = await load(broken)
    const result = await runPlay(kernel, benv, {command: 'start', containers: ['broken-1', 'after-1'], options: {}})
    expect(result.exitCode).to.equal(1)
    expect(result.outcomes.get('broken-1')?.status).to.equal('failed')
    expect(result.outcomes.get('after-1')?.status).to.equal('skipped')
    expect(await docker('ship2').inspectContainer('after-1')).to.equal(undefined)
    await runPlay(kernel, benv, {command: 'clean', containers: ['broken-1', 'after-1'], options: {}})
  })

  it('runs lifecycle checks through the check plugins: rexec passes, a failing exec check fails the start', async () => {
    const checked = writeLabEnvironment(lab, `services:
  checked:
    image: ${lab.image}
    instances:
      good-1:
        ship: ship2
        command: sleep 86400
        stop_timeout: 1
        lifecycle: {running: [{type: rexec, command: 'test -d /tmp', attempts: 3}]}
      bad-1:
        ship: ship2
        command: sleep 86400
        stop_timeout: 1
        lifecycle: {running: [{type: exec, command: 'false', attempts: 1}]}
`, {name: 'e2e-checks'})
    const cenv = await load(checked)
    const rec = new EventRecorder(kernel)
    const good = await runPlay(kernel, cenv, {command: 'start', containers: ['good-1'], options: {}})
    expect(good.exitCode, good.error?.message).to.equal(0)
    expect(rec.lines((e) => e.event.startsWith('check:'))).to.deep.equal(['check:start good-1', 'check:pass good-1'])
    const bad = await runPlay(kernel, cenv, {command: 'start', containers: ['bad-1'], options: {}})
    expect(bad.exitCode).to.equal(1)
    expect(bad.error?.code).to.equal('MAESTRO_CHECK_FAILED')
    expect((await docker('ship2').inspectContainer('bad-1'))?.State.Running, 'stopped: it never became ready').to.equal(false)
    const kept = await runPlay(kernel, cenv, {command: 'start', containers: ['bad-1'], options: {keepFailed: true}})
    expect(kept.error?.message).to.match(/; left running \(--keep-failed; status and the next start know it is not ready\)$/)
    expect((await docker('ship2').inspectContainer('bad-1'))?.State.Running).to.equal(true)
    await runPlay(kernel, cenv, {command: 'kill', containers: ['good-1', 'bad-1'], options: {}})
    await runPlay(kernel, cenv, {command: 'clean', containers: ['good-1', 'bad-1'], options: {}})
  })

  it('shows host down for an unreachable ship and refuses to start anything', async () => {
    const text = `ships:
  ship1: {ip: ${lab.ships[0].ip}, docker_port: ${lab.ships[0].dockerPort}}
  gone: {ip: ${lab.unusedIp}, docker_port: 2375, timeout: 2}
services:
  solo:
    image: ${lab.image}
    instances: {solo-1: {ship: ship1, command: sleep 86400, stop_timeout: 1}, solo-2: {ship: gone, command: sleep 86400, stop_timeout: 1}}
`
    const dir = mkdtempSync(join(tmpdir(), 'maestro-e2e-down-'))
    writeFileSync(join(dir, 'maestro.yaml'), `name: e2e-down\n${text}`)
    const denv = await load(join(dir, 'maestro.yaml'))
    const status = await runPlay(kernel, denv, {command: 'status', containers: ['solo-1', 'solo-2'], options: {}})
    expect(status.exitCode).to.equal(0)
    expect([...status.outcomes.values()].map((o) => o.outcome)).to.deep.equal(['absent', 'host down'])
    const error = await runPlay(kernel, denv, {command: 'start', containers: ['solo-1', 'solo-2'], options: {}}).then(() => undefined, (e: MaestroError) => e)
    expect(error?.exit).to.equal(3)
    expect(error?.message).to.contain('gone')
    expect(await docker('ship1').inspectContainer('solo-1')).to.equal(undefined)
  })
})
