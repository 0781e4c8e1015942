import {execFile} from 'node:child_process'
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import {dirname, join} from 'node:path'
import {promisify} from 'node:util'
import {expect} from 'chai'
import {maestro, spawnMaestro, type CliResult} from '../helpers/cli.js'
import {LAB_SCRIPT, useLab, writeLabEnvironment, type Lab, type LabShip} from '../helpers/lab.js'
import {knownHostsLine, restoreSshd, signalSshd, tempDir} from '../helpers/ssh-lab.js'

const run = promisify(execFile)
const TIMEOUT_S = 3
const rows = (stdout: string) => stdout.split('\n').filter((l) => /^\s+\d+ {2}\S/.test(l))
const statusOf = (r: CliResult, name: string) => rows(r.stdout).find((l) => l.trim().split(/\s+/)[1] === name)

/** Ship keys reaching `s` over SSH: ship1 in the upstream ssh_tunnel form, the others as ssh:// to the socket. */
function overSsh(lab: Lab, s: LabShip): Record<string, unknown> {
  const common = {known_hosts: 'known_hosts', timeout: TIMEOUT_S, api_version: 'auto'}
  if (s.index === 1) return {...common, ssh_tunnel: {user: lab.sshUser, key: lab.sshKey, port: s.sshPort}}
  return {...common, endpoint: `ssh://${lab.sshUser}@${s.ip}`, docker_socket: s.socket}
}

function sshHome(lab: Lab): string {
  const home = tempDir('ssh-cli-home')
  mkdirSync(join(home, '.ssh'), {mode: 0o700})
  writeFileSync(join(home, '.ssh', 'config'), `Host *\n  IdentityFile ${lab.sshKey}\n`)
  return home
}

describe('@e2e maestro over SSH on the lab', function () {
  this.timeout(180_000)
  let lab: Lab
  let home: string
  const p = `ssh${process.pid}`
  const docker = (s: LabShip, ...args: string[]) => run('docker', ['-H', `unix://${s.socket}`, ...args])

  function environment(body: string, via: (s: LabShip) => Record<string, unknown>): string {
    const file = writeLabEnvironment(lab, body, {ships: 3, name: p, shipKeys: via})
    writeFileSync(join(dirname(file), 'known_hosts'), lab.ships.map((s) => knownHostsLine(s.ip, lab.sshHostKey)).join(''))
    return file
  }
  const cli = (file: string, ...args: string[]) => maestro(['-f', file, ...args], {env: {HOME: home, SSH_AUTH_SOCK: undefined}})

  before(async function () {
    lab = await useLab({ships: 3, context: this})
    home = sshHome(lab)
  })

  after(async () => {
    for (const s of lab?.ships ?? []) {
      const {stdout} = await docker(s, 'ps', '-aq', '--filter', `name=${p}-`)
      const ids = stdout.split(/\s+/).filter(Boolean)
      if (ids.length > 0) await docker(s, 'rm', '-f', ...ids)
    }
  })

  const body = (ships: string[]) => `services:
  ${p}-db:
    image: ${lab.image}
    instances: {${p}-db-1: {ship: ${ships[0]}, command: sleep 3600, stop_timeout: 1}}
  ${p}-app:
    image: ${lab.image}
    requires: [${p}-db]
    instances:
${ships.slice(1).map((s, i) => `      ${p}-app-${i + 1}: {ship: ${s}, command: sleep 3600, stop_timeout: 1}`).join('\n')}
`

  it('start, status, stop and clean work with every ship over SSH', async () => {
    const file = environment(body(['ship1', 'ship2', 'ship3']), (s) => overSsh(lab, s))
    const names = [`${p}-db-1`, `${p}-app-1`, `${p}-app-2`]
    const start = await cli(file, 'start')
    expect(start.code, start.stderr).to.equal(0)
    for (const n of names) expect(statusOf(start, n)).to.match(/ started$/)
    const status = await cli(file, 'status')
    expect(status.code, status.stderr).to.equal(0)
    for (const n of names) expect(statusOf(status, n)).to.match(/ running for \S+/)
    const stop = await cli(file, 'stop', '-a')
    expect(stop.code, stop.stderr).to.equal(0)
    for (const n of names) expect(statusOf(stop, n)).to.match(/ stopped$/)
    const clean = await cli(file, 'clean')
    expect(clean.code, clean.stderr).to.equal(0)
    for (const n of names) expect(statusOf(clean, n)).to.match(/ removed$/)
    const {stdout} = await docker(lab.ships[1], 'ps', '-aq', '--filter', `name=${p}-`)
    expect(stdout.trim()).to.equal('')
  })

  it('works on an environment that mixes SSH and TCP ships', async () => {
    const file = environment(body(['ship1', 'ship2', 'ship3']), (s) => (s.index === 2 ? {api_version: 'auto'} : overSsh(lab, s)))
    const start = await cli(file, 'start')
    expect(start.code, start.stderr).to.equal(0)
    const status = await cli(file, 'status')
    expect(status.code, status.stderr).to.equal(0)
    for (const n of [`${p}-db-1`, `${p}-app-1`, `${p}-app-2`]) expect(statusOf(status, n)).to.match(/ running for \S+/)
    expect((await cli(file, 'stop', '-a')).code).to.equal(0)
    const clean = await cli(file, 'clean')
    expect(clean.code, clean.stderr).to.equal(0)
    for (const n of [`${p}-db-1`, `${p}-app-1`, `${p}-app-2`]) expect(statusOf(clean, n)).to.match(/ removed$/)
  })

  it('refuses an unknown host key, then trusts it with --accept-new-host-keys', async () => {
    const file = environment(body(['ship2', 'ship2']), (s) => overSsh(lab, s))
    const knownHosts = join(dirname(file), 'known_hosts')
    writeFileSync(knownHosts, '')
    // status shows such a ship as "host down"; start refuses with the reason
    const refused = await cli(file, 'start')
    expect(refused.code).to.equal(3)
    expect(refused.stdout + refused.stderr).to.match(/ERROR: ship2 \(10\.231\.\d+\.12:22\): unknown host key SHA256:\S+ \(ssh-ed25519\) — verify it, then rerun with --accept-new-host-keys/)
    expect(readFileSync(knownHosts, 'utf8')).to.equal('')
    const accepted = await cli(file, 'start', '--accept-new-host-keys')
    expect(accepted.code, accepted.stdout + accepted.stderr).to.equal(0)
    // start lists every ship of the file (to find orphans), so each ship it reached is now known; ship2's key is among them
    const recorded = readFileSync(knownHosts, 'utf8').split(/(?<=\n)/).filter(Boolean)
    expect(recorded).to.include(knownHostsLine(lab.ships[1].ip, lab.sshHostKey))
    const keyOfLab = knownHostsLine('', lab.sshHostKey).trimStart()
    for (const line of recorded) expect(line.endsWith(keyOfLab), line).to.equal(true)
    expect(new Set(recorded).size).to.equal(recorded.length)
    const status = await cli(file, 'status')
    expect(statusOf(status, `${p}-db-1`)).to.match(/ running for \S+/)
    expect((await cli(file, 'kill', '-a')).code).to.equal(0)
    expect((await cli(file, 'clean')).code).to.equal(0)
  })

  it('shows logs over SSH', async () => {
    const file = environment(`services:
  ${p}-talk:
    image: ${lab.image}
    instances: {${p}-talk-1: {ship: ship2, command: "sh -c 'echo hello-over-ssh; exec sleep 3600'", stop_timeout: 1}}
`, (s) => overSsh(lab, s))
    expect((await cli(file, 'start')).code).to.equal(0)
    const logs = await cli(file, 'logs', `${p}-talk-1`)
    expect(logs.code, logs.stderr).to.equal(0)
    expect(logs.stdout).to.include('hello-over-ssh')
    expect((await cli(file, 'kill', '-a')).code).to.equal(0)
    expect((await cli(file, 'clean')).code).to.equal(0)
  })

  it('exits 1 within the timeout when sshd dies in the middle of a start, and a rerun converges', async () => {
    const victim = lab.ships[2]
    const file = environment(body(['ship3', 'ship3', 'ship3']).replace(
      `command: sleep 3600, stop_timeout: 1}}`,
      `command: "sh -c 'sleep 3; exec httpd -f -p 8080'", stop_timeout: 1, ports: {web: 8080}, lifecycle: {running: [{type: tcp, port: web, max_wait: 30}]}}}`,
    ), (s) => overSsh(lab, s))
    const started = spawnMaestro(['-f', file, 'start'], {env: {HOME: home, SSH_AUTH_SOCK: undefined}})
    // in the middle: the db container runs (its check waits), the apps are not created yet
    for (let i = 0; i < 100; i++) {
      const r = await docker(victim, 'inspect', '-f', '{{.State.Running}}', `${p}-db-1`).catch(() => ({stdout: ''}))
      if (r.stdout.trim() === 'true') break
      await new Promise((res) => setTimeout(res, 100))
    }
    const killedAt = Date.now()
    expect(await signalSshd(victim.netns, 'SIGKILL')).to.be.greaterThan(0)
    const result = await started.done
    const elapsed = Date.now() - killedAt
    expect(result.code, result.stdout + result.stderr).to.equal(1)
    expect(result.stdout + result.stderr).to.match(/ship3 \(10\.231\.\d+\.13:22\): SSH/)
    expect(elapsed).to.be.lessThan((3 + TIMEOUT_S + 10) * 1000)
    await restoreSshd(LAB_SCRIPT, lab.id, victim)
    const rerun = await cli(file, 'start')
    expect(rerun.code, rerun.stdout + rerun.stderr).to.equal(0)
    const status = await cli(file, 'status')
    for (const n of [`${p}-db-1`, `${p}-app-1`, `${p}-app-2`]) expect(statusOf(status, n)).to.match(/ running for \S+/)
  })
})
