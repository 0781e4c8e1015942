import {execFile} from 'node:child_process'
import {existsSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {promisify} from 'node:util'
import {expect} from 'chai'
import {maestro, type CliResult} from '../helpers/cli.js'
import {useLab, writeLabEnvironment, type Lab, type LabShip} from '../helpers/lab.js'
import {knownHostsLine, tempDir} from '../helpers/ssh-lab.js'

const run = promisify(execFile)
const TIMEOUT_S = 3
const rows = (stdout: string) => stdout.split('\n').filter((l) => /^\s+\d+ {2}\S/.test(l))
const statusOf = (r: CliResult, name: string) => rows(r.stdout).find((l) => l.trim().split(/\s+/)[1] === name)
const errorLines = (r: CliResult) => (r.stdout + r.stderr).split('\n').filter((l) => l.startsWith('ERROR:'))
const re = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** A temp HOME with `config` as ~/.ssh/config and the lab host key trusted for `trusted`. */
function makeHome(lab: Lab, config: string, trusted: readonly string[]): string {
  const home = tempDir('ssh-jump-cli')
  mkdirSync(join(home, '.ssh'), {mode: 0o700})
  writeFileSync(join(home, '.ssh', 'config'), config)
  writeFileSync(join(home, '.ssh', 'known_hosts'), trusted.map((ip) => knownHostsLine(ip, lab.sshHostKey)).join(''))
  return home
}

/** Logins a ship's sshd accepted from `ip` so far (its log is appended to, never rotated, while the lab is up). */
function loginsFrom(lab: Lab, s: LabShip, ip: string): number {
  const log = join(lab.dir, `ship${s.index}`, 'sshd.log')
  if (!existsSync(log)) return 0
  return readFileSync(log, 'utf8').split('\n').filter((l) => l.includes('Accepted publickey') && l.includes(` from ${ip} `)).length
}

describe('@e2e maestro through an SSH jump host on the lab', function () {
  this.timeout(180_000)
  let lab: Lab
  let bastion: LabShip
  let target: LabShip
  const p = `jump${process.pid}`
  const docker = (s: LabShip, ...args: string[]) => run('docker', ['-H', `unix://${s.socket}`, ...args])

  /** ship1 and ship2 over TCP; ship3 over SSH with `keys` (its containers live there). */
  function environment(keys: Record<string, unknown>): string {
    return writeLabEnvironment(lab, `services:
  ${p}-db:
    image: ${lab.image}
    instances: {${p}-db-1: {ship: ship3, command: sleep 3600, stop_timeout: 1}}
  ${p}-app:
    image: ${lab.image}
    requires: [${p}-db]
    instances: {${p}-app-1: {ship: ship3, command: sleep 3600, stop_timeout: 1}}
`, {ships: 3, name: p, shipKeys: (s) => (s.index === 3 ? {timeout: TIMEOUT_S, api_version: 'auto', docker_socket: s.socket, ...keys} : {api_version: 'auto'})})
  }
  const cli = (home: string, file: string, ...args: string[]) => maestro(['-f', file, ...args], {env: {HOME: home, SSH_AUTH_SOCK: undefined}})

  before(async function () {
    lab = await useLab({ships: 3, context: this})
    ;[, bastion, target] = lab.ships
  })

  after(async () => {
    if (!target) return
    const {stdout} = await docker(target, 'ps', '-aq', '--filter', `name=${p}-`)
    const ids = stdout.split(/\s+/).filter(Boolean)
    if (ids.length > 0) await docker(target, 'rm', '-f', ...ids)
  })

  /** start, status, stop, clean: each succeeds, and ship3's sshd sees logins from the bastion only, never from the host. */
  async function lifecycle(home: string, file: string): Promise<void> {
    const names = [`${p}-db-1`, `${p}-app-1`]
    const viaBastion = loginsFrom(lab, target, bastion.ip)
    const direct = loginsFrom(lab, target, lab.gateway)
    const start = await cli(home, file, 'start')
    expect(start.code, start.stdout + start.stderr).to.equal(0)
    for (const n of names) expect(statusOf(start, n)).to.match(/ started$/)
    const status = await cli(home, file, 'status')
    expect(status.code, status.stderr).to.equal(0)
    for (const n of names) expect(statusOf(status, n)).to.match(/ running for \S+/)
    const stop = await cli(home, file, 'stop', '-a')
    expect(stop.code, stop.stderr).to.equal(0)
    for (const n of names) expect(statusOf(stop, n)).to.match(/ stopped$/)
    const clean = await cli(home, file, 'clean')
    expect(clean.code, clean.stderr).to.equal(0)
    for (const n of names) expect(statusOf(clean, n)).to.match(/ removed$/)
    const {stdout} = await docker(target, 'ps', '-aq', '--filter', `name=${p}-`)
    expect(stdout.trim()).to.equal('')
    // one SSH connection per command, each through the bastion
    expect(loginsFrom(lab, target, bastion.ip) - viaBastion).to.be.at.least(4)
    expect(loginsFrom(lab, target, lab.gateway)).to.equal(direct)
  }

  it('start, status, stop and clean reach a ship through ~/.ssh/config ProxyJump', async () => {
    const config = `Host bastion\n  HostName ${bastion.ip}\nHost prod\n  HostName ${target.ip}\n  ProxyJump bastion\nHost *\n  User root\n  IdentityFile ${lab.sshKey}\n`
    await lifecycle(makeHome(lab, config, [bastion.ip, target.ip]), environment({endpoint: 'ssh://prod'}))
  })

  it("start, status, stop and clean reach a ship through the ship's proxy_jump", async () => {
    const config = `Host *\n  IdentityFile ${lab.sshKey}\n`
    const file = environment({endpoint: `ssh://root@${target.ip}`, proxy_jump: `root@${bastion.ip}:22`})
    await lifecycle(makeHome(lab, config, [bastion.ip, target.ip]), file)
  })

  it('a jump host with an unknown key: one ERROR line naming the hop, exit 3, status shows host down', async () => {
    const config = `Host bastion\n  HostName ${bastion.ip}\nHost *\n  User root\n  IdentityFile ${lab.sshKey}\n`
    const home = makeHome(lab, config, [target.ip])
    const file = environment({endpoint: `ssh://root@${target.ip}`, proxy_jump: 'bastion'})
    const start = await cli(home, file, 'start')
    expect(start.code, start.stdout + start.stderr).to.equal(3)
    expect(errorLines(start), start.stdout + start.stderr).to.have.length(1)
    expect(errorLines(start)[0]).to.match(new RegExp(`^ERROR: ship3 jump host bastion \\(${re(bastion.ip)}:22\\): unknown host key SHA256:\\S+ \\(ssh-ed25519\\)`))
    expect(start.stderr).not.to.match(/^\s+at /m)
    const status = await cli(home, file, 'status')
    expect(status.code, status.stderr).to.equal(0)
    expect(statusOf(status, `${p}-db-1`)).to.match(/host down/)
    const {stdout} = await docker(target, 'ps', '-aq', '--filter', `name=${p}-`)
    expect(stdout.trim()).to.equal('')
  })

  it('an unreachable jump host: one ERROR line naming the hop, exit 3', async () => {
    const home = makeHome(lab, `Host *\n  User root\n  IdentityFile ${lab.sshKey}\n`, [bastion.ip, target.ip])
    for (const [jump, reason] of [[`${bastion.ip}:2`, /SSH connection refused/], [lab.unusedIp, /SSH connection timed out after 3s|unreachable/]] as const) {
      const file = environment({endpoint: `ssh://root@${target.ip}`, proxy_jump: jump})
      const start = await cli(home, file, 'start')
      expect(start.code, start.stdout + start.stderr).to.equal(3)
      const errors = errorLines(start)
      expect(errors, start.stdout + start.stderr).to.have.length(1)
      const hop = jump.replace(/:\d+$/, '')
      expect(errors[0]).to.match(new RegExp(`^ERROR: ship3 jump host ${re(hop)} \\(${re(hop)}:${jump.endsWith(':2') ? 2 : 22}\\): `))
      expect(errors[0]).to.match(reason)
      expect(start.stderr).not.to.match(/^\s+at /m)
    }
  })
})
