import {expect} from 'chai'
import {execFile} from 'node:child_process'
import {mkdirSync, rmSync, writeFileSync} from 'node:fs'
import {dirname, join} from 'node:path'
import {promisify} from 'node:util'
import {useLab, writeLabEnvironment, type Lab, type LabShip} from '../../helpers/lab.js'
import {maestro, type CliResult} from '../../helpers/cli.js'
import {knownHostsLine, tempDir} from '../../helpers/ssh-lab.js'

const run = promisify(execFile)
const count = (text: string, part: string) => text.split(part).length - 1
const both = (r: CliResult) => r.stdout + r.stderr
/**
 * Docker may still report a container that exits at once as running when it is first inspected: a long running
 * check keeps the start waiting until it is seen exited, either by the start (`did not start`) or by the checks' watch.
 */
const UNTIL_EXIT = `lifecycle: {running: [{type: sleep, wait: 300}]}`
const exited = (name: string, code: number) =>
  new RegExp(`^${name}: container (did not start \\(exited, exit code ${code}\\)|stopped \\(exit code ${code}\\) while waiting for running checks; stopped it \\(--keep-failed keeps it running\\))$`, 'm')

/**
 * A container that fails says why once: its reason, the last lines of its log (from the ship it ran on, over TCP
 * or SSH) and where to read more; the `ERROR:` line on stderr only names it. Env values are never printed.
 */
describe('@e2e failure report of start through the CLI on the lab', function () {
  this.timeout(120_000)
  let lab: Lab
  let file: string
  let home: string
  const p = `fr${process.pid}`
  const cli = (...args: string[]) => maestro(['-f', file, ...args], {env: {HOME: home, SSH_AUTH_SOCK: undefined}})
  const docker = (s: LabShip, ...args: string[]) => run('docker', ['-H', `unix://${s.socket}`, ...args])
  // ship2 is reached over SSH, the others over TCP
  const reach = (s: LabShip) => (s.index === 2 ? {endpoint: `ssh://${lab.sshUser}@${s.ip}`, docker_socket: s.socket, known_hosts: 'known_hosts'} : {})

  before(async function () {
    lab = await useLab({ships: 3, context: this})
    home = tempDir('failure-report-home')
    mkdirSync(join(home, '.ssh'), {mode: 0o700})
    writeFileSync(join(home, '.ssh', 'config'), `Host *\n  IdentityFile ${lab.sshKey}\n`)
    const i = (name: string, ship: string, yaml: string) => `      ${p}-${name}: {ship: ${ship}, stop_timeout: 1, ${yaml}}`
    file = writeLabEnvironment(lab, `services:
  app:
    image: ${lab.image}
    env: {APP_PASSWORD: s3cr3t-value-xyz}
    instances:
${i('exits', 'ship3', `command: "sh -c 'echo first words; echo second words >&2; exit 3'", ${UNTIL_EXIT}`)}
${i('ssh-exits', 'ship2', `command: "sh -c 'echo said over ssh; exit 4'", ${UNTIL_EXIT}`)}
${i('unready', 'ship3', `command: "sh -c 'echo waiting for nothing; exec sleep 3600'", lifecycle: {running: [{type: exec, command: 'false', attempts: 1}]}`)}
${i('chatty', 'ship1', `command: "sh -c 'for i in $(seq 1 50); do echo line-$i; done; exit 5'", ${UNTIL_EXIT}`)}
`, {ships: 3, name: p, shipKeys: reach})
    writeFileSync(join(dirname(file), 'known_hosts'), lab.ships.map((s) => knownHostsLine(s.ip, lab.sshHostKey)).join(''))
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

  it('a container that echoes two lines and exits 3: both lines once, the exit code once, the logs hint, exit 1', async () => {
    const r = await cli('start', `${p}-exits`)
    expect(r.code, both(r)).to.equal(1)
    expect(r.stdout).to.match(exited(`${p}-exits`, 3))
    expect(count(both(r), 'exit code 3'), both(r)).to.equal(1)
    expect(count(both(r), 'first words')).to.equal(1)
    expect(count(both(r), 'second words')).to.equal(1)
    const lines = r.stdout.split('\n')
    const at = lines.findIndex((l) => exited(`${p}-exits`, 3).test(l))
    // stdout and stderr are copied to the log by separate goroutines: their relative order is not Docker's promise
    expect(lines.slice(at + 1, at + 3)).to.have.members(['  | first words', '  | second words'])
    expect(lines[at + 3]).to.equal(`  more: maestro logs ${p}-exits`)
    expect(r.stderr.trim().split('\n').at(-1)).to.equal(`ERROR: start failed for 1 container: ${p}-exits (reason above)`)
    expect(both(r)).not.to.include('s3cr3t-value-xyz')
  })

  it('reads the log tail over SSH from the ship it ran on', async () => {
    const r = await cli('start', `${p}-ssh-exits`)
    expect(r.code, both(r)).to.equal(1)
    expect(r.stdout).to.match(exited(`${p}-ssh-exits`, 4))
    expect(r.stdout).to.include(`\n  | said over ssh\n  more: maestro logs ${p}-ssh-exits\n`)
    expect(count(both(r), 'said over ssh')).to.equal(1)
  })

  it('a failed readiness check: which check and how, once, then the log tail', async () => {
    const r = await cli('start', `${p}-unready`)
    expect(r.code, both(r)).to.equal(1)
    expect(count(both(r), 'running check exec failed'), both(r)).to.equal(1)
    expect(r.stdout).to.match(new RegExp(`^${p}-unready: running check exec failed: .*; stopped it \\(--keep-failed keeps it running\\)\\n  \\| waiting for nothing\\n  more: maestro logs ${p}-unready\\n`, 'm'))
    expect(count(both(r), 'waiting for nothing')).to.equal(1)
  })

  it('bounds the tail to the last 10 lines', async () => {
    const r = await cli('start', `${p}-chatty`)
    expect(r.code, both(r)).to.equal(1)
    const tail = r.stdout.split('\n').filter((l) => l.startsWith('  | '))
    expect(tail).to.deep.equal(Array.from({length: 10}, (_, k) => `  | line-${41 + k}`))
  })

  it('under --json reporters only, the ERROR line keeps the full reason', async () => {
    const r = await cli('start', `${p}-exits`, '--reporter', `json=${join(dirname(file), 'events.jsonl')}`)
    expect(r.code, both(r)).to.equal(1)
    expect(r.stderr).to.match(new RegExp(`^ERROR: ${exited(`${p}-exits`, 3).source.slice(1, -1)} \\(more: maestro logs ${p}-exits\\)$`, 'm'))
  })
})
