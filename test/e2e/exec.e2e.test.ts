import {execFile, spawn} from 'node:child_process'
import {mkdirSync, rmSync, writeFileSync} from 'node:fs'
import {dirname, join} from 'node:path'
import {promisify} from 'node:util'
import {expect} from 'chai'
import {binPath, maestro, type CliResult} from '../helpers/cli.js'
import {useLab, writeLabEnvironment, type Lab, type LabShip} from '../helpers/lab.js'
import {knownHostsLine, tempDir} from '../helpers/ssh-lab.js'

const run = promisify(execFile)

/** `maestro exec` on the lab: web-1 over plain TCP (ship2), web-2 over TLS (ship1), web-3 over SSH (ship3). */
describe('@e2e maestro exec on the lab over TCP, TLS and SSH', function () {
  this.timeout(120_000)
  let lab: Lab
  let file: string
  let home: string
  const p = `exec${process.pid}`
  const docker = (s: LabShip, ...args: string[]) => run('docker', ['-H', `unix://${s.socket}`, ...args])
  const env = () => ({HOME: home, SSH_AUTH_SOCK: undefined})
  const cli = (args: string[], input?: string): Promise<CliResult> => maestro(['-f', file, ...args], {env: env(), ...(input !== undefined ? {input} : {})})
  const via: Record<string, string> = {}

  function reach(s: LabShip): Record<string, unknown> {
    if (s.name === lab.tls.ship) return {docker_port: lab.tls.port, tls: true, tls_ca_cert: lab.tls.ca, tls_cert: lab.tls.cert, tls_key: lab.tls.key, timeout: 5}
    if (s.index === 3) return {endpoint: `ssh://${lab.sshUser}@${s.ip}`, docker_socket: s.socket, known_hosts: 'known_hosts', timeout: 5}
    return {timeout: 5}
  }

  before(async function () {
    lab = await useLab({ships: 3, context: this})
    home = tempDir('exec-home')
    mkdirSync(join(home, '.ssh'), {mode: 0o700})
    writeFileSync(join(home, '.ssh', 'config'), `Host *\n  IdentityFile ${lab.sshKey}\n`)
    file = writeLabEnvironment(lab, `services:
  web:
    image: ${lab.image}
    instances:
      ${p}-web-1: {ship: ship2, command: sleep 3600, stop_timeout: 1}
      ${p}-web-2: {ship: ${lab.tls.ship}, command: sleep 3600, stop_timeout: 1}
      ${p}-web-3: {ship: ship3, command: sleep 3600, stop_timeout: 1}
  once:
    image: ${lab.image}
    instances:
      ${p}-once-1: {ship: ship2, command: "sh -c 'exit 3'"}
  never:
    image: ${lab.image}
    instances:
      ${p}-never-1: {ship: ship2, command: sleep 3600}
`, {ships: 3, name: p, shipKeys: reach})
    writeFileSync(join(dirname(file), 'known_hosts'), knownHostsLine(lab.ships[2].ip, lab.sshHostKey))
    Object.assign(via, {tcp: `${p}-web-1`, tls: `${p}-web-2`, ssh: `${p}-web-3`})
    const up = await cli(['start', 'web'])
    expect(up.code, up.stdout + up.stderr).to.equal(0)
  })

  after(async () => {
    for (const s of lab?.ships ?? []) {
      const {stdout} = await docker(s, 'ps', '-aq', '--filter', `name=${p}-`)
      const ids = stdout.split(/\s+/).filter(Boolean)
      if (ids.length > 0) await docker(s, 'rm', '-f', ...ids)
    }
    if (file) rmSync(dirname(file), {recursive: true, force: true})
    if (home) rmSync(home, {recursive: true, force: true})
  })

  for (const transport of ['tcp', 'tls', 'ssh'] as const) {
    it(`passes the exit code through and keeps stdout and stderr apart (${transport})`, async () => {
      const r = await cli(['exec', via[transport], '--', 'sh', '-c', 'echo to-out; echo to-err >&2; exit 7'])
      expect(r.code, r.stderr).to.equal(7)
      expect(r.stdout).to.equal('to-out\n')
      expect(r.stderr).to.equal('to-err\n')
    })

    it(`forwards piped stdin with -i, to its end (${transport})`, async () => {
      const text = Array.from({length: 2000}, (_, i) => `line ${i}`).join('\n') + '\n'
      const r = await cli(['exec', '-i', via[transport], '--', 'cat'], text)
      expect(r.code, r.stderr).to.equal(0)
      expect(r.stdout).to.equal(text)
    })
  }

  it('without -i a piped stdin is not forwarded', async () => {
    const r = await cli(['exec', via.tcp, '--', 'cat'], 'not for the container\n')
    expect(r.code, r.stderr).to.equal(0)
    expect(r.stdout).to.equal('')
  })

  it('gives the command a terminal when maestro has one (-t by default), exit code passed through', async () => {
    const command = `${JSON.stringify(process.execPath)} ${JSON.stringify(binPath)} -f ${JSON.stringify(file)} exec ${via.ssh} -- sh -c 'tty; exit 5'`
    const r = await new Promise<CliResult>((resolve, reject) => {
      const child = spawn('script', ['-qec', command, '/dev/null'], {env: {...process.env, ...env(), SSH_AUTH_SOCK: '', NO_COLOR: '1'}})
      let stdout = ''
      let stderr = ''
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
      child.on('error', reject)
      child.on('close', (code) => resolve({code, stdout, stderr}))
      child.stdin.end()
    })
    expect(r.code, r.stdout + r.stderr).to.equal(5)
    expect(r.stdout).to.match(/\/dev\/pts\/\d+/)
  })

  it('refuses a container that is not running (exit 1, with its state) or not created', async () => {
    // A shell that exits at once may still be running when start inspects it: wait for its exit, not for start's verdict.
    await cli(['start', `${p}-once-1`])
    const waited = await docker(lab.ships[1], 'wait', `${p}-once-1`)
    expect(waited.stdout.trim()).to.equal('3')
    const stopped = await cli(['exec', `${p}-once-1`, '--', 'true'])
    expect(stopped.code).to.equal(1)
    expect(stopped.stderr.trim()).to.equal(`ERROR: ${p}-once-1 is not running on ship2 (exited, exit code 3)`)
    const absent = await cli(['exec', 'never', '--', 'true'])
    expect(absent.code).to.equal(1)
    expect(absent.stderr.trim()).to.equal(`ERROR: ${p}-never-1 does not exist on ship2 (create it with: maestro start ${p}-never-1)`)
  })

  it('refuses an unknown name with a suggestion, and a missing command, in one ERROR line (exit 2)', async () => {
    const unknown = await cli(['exec', `${p}-wbe-1`, '--', 'true'])
    expect(unknown.code).to.equal(2)
    expect(unknown.stderr.trim()).to.equal(`ERROR: ${p}-wbe-1 is neither a service nor a container! (did you mean ${p}-web-1?)`)
    const bare = await cli(['exec', via.tcp])
    expect(bare.code).to.equal(2)
    expect(bare.stderr.trim()).to.equal(`ERROR: exec needs a command after the name: maestro exec ${via.tcp} -- CMD...`)
  })
})
