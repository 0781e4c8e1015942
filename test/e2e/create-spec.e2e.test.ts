import {expect} from 'chai'
import {execFile} from 'node:child_process'
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {dirname, join} from 'node:path'
import {promisify} from 'node:util'
import {useLab, writeLabEnvironment, type Lab} from '../helpers/lab.js'
import {maestro} from '../helpers/cli.js'

const run = promisify(execFile)

interface Inspect {
  Name: string
  Config: {Hostname: string; User: string; WorkingDir: string; Cmd: string[]; Env: string[]; Labels: Record<string, string>; Volumes: Record<string, unknown> | null; ExposedPorts: Record<string, unknown>}
  HostConfig: Record<string, unknown> & {
    PortBindings: Record<string, {HostIp: string; HostPort: string}[]>
    Binds: string[]
    VolumesFrom: string[]
    Links: string[]
    Dns: string[]
    ExtraHosts: string[]
    LogConfig: {Type: string; Config: Record<string, string>}
    CapAdd: string[]
    CapDrop: string[]
    SecurityOpt: string[]
    RestartPolicy: {Name: string; MaximumRetryCount: number}
    Ulimits: {Name: string; Soft: number; Hard: number}[]
    Memory: number
    MemorySwap: number
    CpuShares: number
    NetworkMode: string
    Privileged: boolean
  }
  Mounts: {Type: string; Source: string; Destination: string; RW: boolean}[]
  State: {Running: boolean}
}

/** Every instance key of reference §2.5 that reaches Docker, on one container (plus `net` on a second). */
describe('create spec on a real daemon @e2e', function () {
  this.timeout(60_000)
  let lab: Lab
  let file: string
  const p = `cs${process.pid}`
  const hostDir = mkdtempSync(join(tmpdir(), 'maestro-e2e-binds-'))
  const cli = (...args: string[]) => maestro(['-f', file, ...args])
  const inspect = async (ship: number, name: string): Promise<Inspect> => {
    const {stdout} = await run('docker', ['-H', `unix://${lab.ships[ship]!.socket}`, 'inspect', name])
    return (JSON.parse(stdout) as Inspect[])[0]!
  }
  let full: Inspect
  let netted: Inspect

  before(async function () {
    lab = await useLab({ships: 2, context: this})
    writeFileSync(join(hostDir, 'probe.txt'), 'bound\n')
    file = writeLabEnvironment(lab, `__maestro: {schema: 2}
services:
  ${p}-peer:
    image: ${lab.image}
    instances:
      ${p}-peer-1: {ship: ship1, command: sleep 86400, stop_timeout: 1, container_volumes: [/shared]}
  ${p}-full:
    image: ${lab.image}
    requires: [${p}-peer]
    instances:
      ${p}-full-1:
        ship: ship1
        command: sleep 86400
        stop_timeout: 1
        ports: {http: '8080:18095', dns: '53/udp:15353/udp'}
        env: {MODE: full}
        volumes: {${hostDir}: {target: /bound, mode: ro}}
        container_volumes: [/scratch]
        volumes_from: [${p}-peer-1]
        links: {${p}-peer-1: peer}
        username: nobody
        workdir: /tmp
        cap_add: [NET_ADMIN]
        cap_drop: [MKNOD]
        security_opt: [no-new-privileges]
        extra_hosts: {api: 10.0.0.9, other: {ship: ship2}}
        dns: [10.0.0.53, 10.0.0.54]
        restart: on-failure:3
        limits: {cpu: 512, memory: 64m, swap: 128m}
        ulimits: {nofile: {soft: 1024, hard: 2048}, nproc: 512}
        log_driver: json-file
        log_opt: {max-size: 1m, max-file: 2}
        labels: [team=core, tier=web]
  ${p}-netted:
    image: ${lab.image}
    instances:
      ${p}-netted-1: {ship: ship1, command: [sleep, '86400'], stop_timeout: 1, net: none, restart: {name: always}}
`, {ships: 2, name: p})
    const up = await cli('start')
    expect(up.code, up.stdout + up.stderr).to.equal(0)
    ;[full, netted] = await Promise.all([inspect(0, `${p}-full-1`), inspect(0, `${p}-netted-1`)])
  })

  after(async () => {
    if (!file) return
    await cli('kill', '-a')
    await cli('clean')
    rmSync(dirname(file), {recursive: true, force: true})
    rmSync(hostDir, {recursive: true, force: true})
  })

  it('names the container by its instance, with the instance as hostname, and runs it', () => {
    expect(full.Name).to.equal(`/${p}-full-1`)
    expect(full.Config.Hostname).to.equal(`${p}-full-1`)
    expect(full.State.Running).to.equal(true)
    expect(full.Config.Cmd).to.deep.equal(['sleep', '86400'])
    expect(netted.Config.Cmd).to.deep.equal(['sleep', '86400'])
  })

  it('publishes ports as exposed:external, per protocol', () => {
    expect(Object.keys(full.Config.ExposedPorts).sort()).to.deep.equal(['53/udp', '8080/tcp'])
    expect(full.HostConfig.PortBindings).to.deep.equal({
      '8080/tcp': [{HostIp: '0.0.0.0', HostPort: '18095'}],
      '53/udp': [{HostIp: '0.0.0.0', HostPort: '15353'}],
    })
  })

  it('binds volumes with their mode, declares container volumes and takes volumes_from', () => {
    expect(full.HostConfig.Binds).to.deep.equal([`${hostDir}:/bound:ro`])
    expect(full.HostConfig.VolumesFrom).to.deep.equal([`${p}-peer-1`])
    const mounts = Object.fromEntries(full.Mounts.map((m) => [m.Destination, m]))
    expect(mounts['/bound']).to.include({Type: 'bind', Source: hostDir, RW: false})
    expect(mounts['/scratch']?.Type).to.equal('volume')
    expect(mounts['/shared']?.Type).to.equal('volume')
  })

  it('links, dns and extra hosts (a ship reference resolves to its ip)', () => {
    expect(full.HostConfig.Links).to.deep.equal([`/${p}-peer-1:/${p}-full-1/peer`])
    expect(full.HostConfig.Dns).to.deep.equal(['10.0.0.53', '10.0.0.54'])
    expect(full.HostConfig.ExtraHosts).to.have.members(['api:10.0.0.9', `other:${lab.ships[1]!.ip}`])
  })

  it('user, workdir, environment and labels (user labels next to Maestro\'s own)', () => {
    expect(full.Config.User).to.equal('nobody')
    expect(full.Config.WorkingDir).to.equal('/tmp')
    expect(full.Config.Env).to.include('MODE=full')
    expect(full.Config.Labels).to.include({team: 'core', tier: 'web'})
    expect(full.Config.Labels).to.include({'io.maestro.environment': p, 'io.maestro.container': `${p}-full-1`})
  })

  // privileged: true cannot run in the lab (its dockerd lacks the capabilities); the create spec test covers it.
  it('capabilities, security options and privileged', () => {
    expect(full.HostConfig.CapAdd).to.deep.equal(['NET_ADMIN'])
    expect(full.HostConfig.CapDrop).to.deep.equal(['MKNOD'])
    expect(full.HostConfig.SecurityOpt).to.deep.equal(['no-new-privileges'])
    expect(full.HostConfig.Privileged).to.equal(false)
  })

  it('restart policy, limits and ulimits', () => {
    expect(full.HostConfig.RestartPolicy).to.deep.equal({Name: 'on-failure', MaximumRetryCount: 3})
    expect(netted.HostConfig.RestartPolicy).to.deep.equal({Name: 'always', MaximumRetryCount: 0})
    expect(full.HostConfig).to.include({CpuShares: 512, Memory: 64 * 1024 * 1024, MemorySwap: 128 * 1024 * 1024})
    expect(full.HostConfig.Ulimits).to.have.deep.members([{Name: 'nofile', Soft: 1024, Hard: 2048}, {Name: 'nproc', Soft: 512, Hard: 512}])
  })

  it('log driver and options (values as strings)', () => {
    expect(full.HostConfig.LogConfig).to.deep.equal({Type: 'json-file', Config: {'max-size': '1m', 'max-file': '2'}})
  })

  it('net sets the network mode and sends no hostname', () => {
    expect(netted.HostConfig.NetworkMode).to.equal('none')
    expect(full.HostConfig.NetworkMode).to.equal('default')
    expect(netted.Config.Hostname).to.not.equal(`${p}-netted-1`)
  })

  it('status, kill and clean find a linked-to container (Docker also lists it as /<linker>/<alias>)', async () => {
    const status = await cli('status')
    expect(status.stdout).to.match(new RegExp(`${p}-peer-1 .* running for `))
    const kill = await cli('kill', '-a')
    expect(kill.code, kill.stderr).to.equal(0)
    expect(kill.stdout).to.match(new RegExp(`${p}-peer-1 .* killed\\n`))
    const clean = await cli('clean')
    expect(clean.stdout).to.match(new RegExp(`${p}-peer-1 .* removed\\n`))
    expect((await run('docker', ['-H', `unix://${lab.ships[0]!.socket}`, 'ps', '-aq', '--filter', `name=${p}-`])).stdout.trim()).to.equal('')
  })
})
