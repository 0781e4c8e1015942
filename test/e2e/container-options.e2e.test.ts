import {expect} from 'chai'
import {execFile} from 'node:child_process'
import {rmSync} from 'node:fs'
import {dirname} from 'node:path'
import {promisify} from 'node:util'
import {useLab, writeLabEnvironment, type Lab} from '../helpers/lab.js'
import {maestro} from '../helpers/cli.js'

const run = promisify(execFile)

interface Inspect {
  Config: {Hostname: string; Domainname: string; Entrypoint: string[] | null; StopSignal?: string; Healthcheck?: {Test: string[]; Interval: number; Retries: number}}
  HostConfig: Record<string, unknown>
  NetworkSettings: {Networks: Record<string, {Aliases: string[] | null}>}
  State: {Running: boolean; ExitCode: number; StartedAt: string; Health?: {Status: string; Log: {End: string; ExitCode: number}[]}}
}

/** The options of issue 16 on a real daemon (API 1.41): docker inspect, and what the containers observe. */
describe('container options on a real daemon @e2e', function () {
  this.timeout(120_000)
  let lab: Lab
  let file: string
  const p = `co${process.pid}`
  const docker = (...args: string[]) => run('docker', ['-H', `unix://${lab.ships[0]!.socket}`, ...args])
  const inspect = async (name: string): Promise<Inspect> => (JSON.parse((await docker('inspect', name)).stdout) as Inspect[])[0]!
  const cli = (...args: string[]) => maestro(['-f', file, ...args])
  const services = (tmpfsSize: string) => `__maestro: {schema: 2}
services:
  ${p}-db:
    image: ${lab.image}
    instances:
      ${p}-db-1:
        ship: ship1
        stop_timeout: 1
        command: ["sh", "-c", "mkdir -p /w && echo hello > /w/index.html && sleep 2 && touch /w/ready && exec httpd -f -p 8080 -h /w"]
        networks: {${p}-net: {aliases: [database]}, ${p}-side: null}
        healthcheck: {test: test -f /w/ready, interval: 1s, timeout: 2s, retries: 30}
  ${p}-app:
    image: ${lab.image}
    requires: [${p}-db]
    instances:
      ${p}-app-1: {ship: ship1, stop_timeout: 1, command: sleep 86400, networks: [${p}-net]}
  ${p}-opts:
    image: ${lab.image}
    instances:
      ${p}-opts-1:
        ship: ship1
        stop_timeout: 1
        entrypoint: [sh, -c]
        command: ["echo written > /scratch/probe && exec sleep 86400"]
        tmpfs: ['/scratch:size=${tmpfsSize}']
        read_only: true
        init: true
        shm_size: 32m
        sysctls: {net.core.somaxconn: 1024}
        pids_limit: 100
        group_add: ['1234']
        hostname: box
        domainname: example.test
        devices: [/dev/null:/dev/foo:rw]
        platform: linux/amd64
  ${p}-sig:
    image: ${lab.image}
    instances:
      ${p}-sig-1:
        ship: ship1
        stop_timeout: 20
        stop_signal: SIGUSR1
        command: ["sh", "-c", "trap 'echo got USR1; exit 0' USR1; echo trapping; while true; do sleep 0.2; done"]
`

  before(async function () {
    lab = await useLab({ships: 1, context: this})
    file = writeLabEnvironment(lab, services('16m'), {ships: 1, name: p, shipKeys: {api_version: '1.41'}})
    const up = await cli('start')
    expect(up.code, up.stdout + up.stderr).to.equal(0)
  })

  after(async () => {
    if (!file) return
    await cli('kill', '-a')
    await cli('clean')
    for (const n of [`${p}-net`, `${p}-side`]) await docker('network', 'rm', n).catch(() => undefined)
    rmSync(dirname(file), {recursive: true, force: true})
  })

  it('networks: creates the missing networks and two containers reach each other by alias', async () => {
    const {stdout} = await docker('network', 'inspect', '-f', '{{.Driver}} {{index .Labels "io.maestro.environment"}}', `${p}-net`)
    expect(stdout.trim()).to.equal(`bridge ${p}`)
    const db = await inspect(`${p}-db-1`)
    expect(Object.keys(db.NetworkSettings.Networks).sort()).to.deep.equal([`${p}-net`, `${p}-side`])
    expect(db.NetworkSettings.Networks[`${p}-net`]!.Aliases).to.include('database')
    const page = await docker('exec', `${p}-app-1`, 'wget', '-q', '-O-', 'http://database:8080/')
    expect(page.stdout.trim()).to.equal('hello')
    const byName = await docker('exec', `${p}-app-1`, 'wget', '-q', '-O-', `http://${p}-db-1:8080/`)
    expect(byName.stdout.trim()).to.equal('hello')
  })

  it('healthcheck: passed to Docker, and the dependent started only after its dependency was healthy', async () => {
    const [db, app] = await Promise.all([inspect(`${p}-db-1`), inspect(`${p}-app-1`)])
    expect(db.Config.Healthcheck).to.deep.include({Test: ['CMD-SHELL', 'test -f /w/ready'], Interval: 1e9, Retries: 30})
    expect(db.State.Health?.Status).to.equal('healthy')
    const firstPass = db.State.Health!.Log.find((l) => l.ExitCode === 0)
    expect(firstPass, 'a passing health probe').to.not.equal(undefined)
    expect(Date.parse(app.State.StartedAt)).to.be.at.least(Date.parse(firstPass!.End))
    expect(db.State.Health!.Log.some((l) => l.ExitCode !== 0), 'the probe failed before /w/ready existed').to.equal(true)
  })

  it('tmpfs, read_only, init, shm_size, sysctls, pids_limit, group_add, devices: in docker inspect and in effect', async () => {
    const o = await inspect(`${p}-opts-1`)
    expect(o.HostConfig).to.deep.include({
      Tmpfs: {'/scratch': 'size=16m'}, ReadonlyRootfs: true, Init: true, ShmSize: 32 * 1024 ** 2,
      Sysctls: {'net.core.somaxconn': '1024'}, PidsLimit: 100, GroupAdd: ['1234'],
      Devices: [{PathOnHost: '/dev/null', PathInContainer: '/dev/foo', CgroupPermissions: 'rw'}],
    })
    expect((await docker('exec', `${p}-opts-1`, 'cat', '/scratch/probe')).stdout.trim()).to.equal('written')
    const write = await docker('exec', `${p}-opts-1`, 'touch', '/rootfs-probe').then(() => 'written', (e: {stderr: string}) => e.stderr)
    expect(write).to.match(/Read-only file system/)
    expect((await docker('exec', `${p}-opts-1`, 'cat', '/proc/sys/net/core/somaxconn')).stdout.trim()).to.equal('1024')
    expect((await docker('exec', `${p}-opts-1`, 'id', '-G')).stdout.split(/\s+/)).to.include('1234')
    expect((await docker('exec', `${p}-opts-1`, 'ls', '-l', '/dev/foo')).stdout).to.match(/^c/)
  })

  it('entrypoint, hostname and domainname', async () => {
    const o = await inspect(`${p}-opts-1`)
    expect(o.Config.Entrypoint).to.deep.equal(['sh', '-c'])
    expect(o.Config).to.include({Hostname: 'box', Domainname: 'example.test'})
    expect((await docker('exec', `${p}-opts-1`, 'hostname')).stdout.trim()).to.equal('box')
  })

  it('stop_signal: stop sends it and the container traps it', async () => {
    expect((await inspect(`${p}-sig-1`)).Config.StopSignal).to.equal('SIGUSR1')
    const stop = await cli('stop', `${p}-sig-1`)
    expect(stop.code, stop.stdout + stop.stderr).to.equal(0)
    const logs = await docker('logs', `${p}-sig-1`)
    expect(logs.stdout).to.include('got USR1')
    expect((await inspect(`${p}-sig-1`)).State.ExitCode).to.equal(0)
  })

  it('drift: a changed option shows in plan and start --converge recreates the container with it', async () => {
    writeLabEnvironment(lab, services('8m'), {ships: 1, name: p, dir: dirname(file), shipKeys: {api_version: '1.41'}})
    const plan = await cli('plan')
    expect(plan.stdout).to.match(new RegExp(`${p}-opts-1[^\\n]*tmpfs`))
    const converge = await cli('start', '--converge', `${p}-opts-1`)
    expect(converge.code, converge.stdout + converge.stderr).to.equal(0)
    expect((await inspect(`${p}-opts-1`)).HostConfig.Tmpfs).to.deep.equal({'/scratch': 'size=8m'})
    const again = await cli('plan', `${p}-opts-1`)
    expect(again.stdout).to.not.match(/tmpfs/)
  })

  it('platform reaches Docker: a platform the image does not have fails the create, saying so', async () => {
    const other = writeLabEnvironment(lab, `services:
  ${p}-arm:
    image: ${lab.image}
    instances:
      ${p}-arm-1: {ship: ship1, command: sleep 1, platform: linux/arm64}
`, {ships: 1, name: `${p}-arm`, shipKeys: {api_version: '1.41'}})
    try {
      const r = await maestro(['-f', other, 'start'])
      expect(r.code).to.not.equal(0)
      expect(r.stdout + r.stderr).to.match(/arm64/)
    } finally {
      await maestro(['-f', other, 'clean'])
      rmSync(dirname(other), {recursive: true, force: true})
    }
  })

  // The lab has no GPU (and no nvidia runtime): the container is created with the device request, start says why it cannot run.
  it('gpus: the created container carries the device request; start explains the missing GPU driver', async () => {
    const other = writeLabEnvironment(lab, `services:
  ${p}-gpu:
    image: ${lab.image}
    instances:
      ${p}-gpu-1: {ship: ship1, command: sleep 1, gpus: all}
`, {ships: 1, name: `${p}-gpu`})
    try {
      const r = await maestro(['-f', other, 'start'])
      expect(r.code).to.not.equal(0)
      expect(r.stdout + r.stderr).to.match(/device driver|gpu/i)
      const g = await inspect(`${p}-gpu-1`)
      expect(g.HostConfig.DeviceRequests).to.deep.equal([{Driver: '', Count: -1, DeviceIDs: null, Capabilities: [['gpu']], Options: {}}])
    } finally {
      await maestro(['-f', other, 'clean'])
      rmSync(dirname(other), {recursive: true, force: true})
    }
  })
})
