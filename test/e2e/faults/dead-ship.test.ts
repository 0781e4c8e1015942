import {expect} from 'chai'
import {execFile} from 'node:child_process'
import {mkdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {dirname, join} from 'node:path'
import {promisify} from 'node:util'
import {LAB_SCRIPT, useLab, writeLabEnvironment, type Lab, type LabShip} from '../../helpers/lab.js'
import {knownHostsLine, restoreSshd, signalSshd, tempDir} from '../../helpers/ssh-lab.js'
import {spawnMaestro, type CliResult} from '../../helpers/cli.js'
import {parseJunit, xmllintJunit} from '../../helpers/junit-xml.js'
import {endOf, eventLines, playEnd} from '../../helpers/event-lines.js'
import {blackholeDockerPort} from '../../helpers/lab-docker.js'

const run = promisify(execFile)
const SHIP_TIMEOUT_S = 2
/** What one stop request may take before the client gives up on the ship: stop_timeout + max(timeout, 10 s). */
const STOP_WAIT_S = 1 + 10

interface Fault {
  /** How ship2 is reached. */
  readonly ship2: (lab: Lab, s: LabShip) => Record<string, unknown>
  readonly silence: (lab: Lab, s: LabShip) => Promise<unknown>
  readonly restore: (lab: Lab, s: LabShip) => Promise<unknown>
  readonly reason: (s: LabShip) => RegExp
}

const FAULTS: Record<string, Fault> = {
  'its Docker port is blackholed': {
    ship2: () => ({}),
    silence: (_lab, s) => blackholeDockerPort(s, true),
    restore: (_lab, s) => blackholeDockerPort(s, false),
    reason: () => new RegExp(`^ship ship2 \\(.*\\) is unreachable: no answer within ${STOP_WAIT_S} s$`),
  },
  'its sshd stops answering (SSH ship)': {
    ship2: (lab, s) => ({endpoint: `ssh://${lab.sshUser}@${s.ip}`, docker_socket: s.socket, known_hosts: 'known_hosts'}),
    silence: (_lab, s) => signalSshd(s.netns, 'SIGSTOP'),
    restore: (lab, s) => restoreSshd(LAB_SCRIPT, lab.id, s),
    // keepalives close the idle link while top stops, so ship2's next request meets a frozen sshd in the handshake;
    // had a request been waiting, keepalives or its timer would have said `SSH link dead`
    reason: (s) => new RegExp(`^ship2 \\(${s.ip.replace(/\./g, '\\.')}:22\\): SSH (connection timed out after|link dead: no answer within) \\d+s$`),
  },
}

/**
 * `stop -a` while ship2 goes silent after the play has listed it: a chain of four levels on ship2 costs one request
 * timeout, not four, and every container's outcome is what the ships hold.
 */
for (const [what, fault] of Object.entries(FAULTS)) describe(`@e2e faults: a ship goes silent during stop -a: ${what}`, function () {
  this.timeout(180_000)
  let lab: Lab
  let file: string
  let holed = false
  let home: string
  const p = `dead${process.pid}`
  const docker = async (ship: number, ...args: string[]): Promise<string> =>
    (await run('docker', ['-H', `unix://${lab.ships[ship]!.socket}`, ...args])).stdout.trim()
  const running = async (ship: number, name: string) => (await docker(ship, 'inspect', '-f', '{{.State.Running}}', name)) === 'true'
  const ok = (r: CliResult): CliResult => (expect(r.code, r.stdout + r.stderr).to.equal(0), r)
  const cli = (args: string[]) => spawnMaestro(['-f', file, ...args], {env: {HOME: home, SSH_AUTH_SOCK: undefined}})
  const chain = ['a', 'b', 'c', 'd']

  before(async function () {
    lab = await useLab({ships: 2, context: this})
    home = tempDir('faults-home')
    mkdirSync(join(home, '.ssh'), {mode: 0o700})
    writeFileSync(join(home, '.ssh', 'config'), `Host *\n  IdentityFile ${lab.sshKey}\n`)
    const onShip2 = chain
      .map((s, i) => `  ${s}:
    image: ${lab.image}
    ${i > 0 ? `requires: [${chain[i - 1]}]` : 'requires: [base]'}
    instances: {${p}-${s}-1: {ship: ship2, stop_timeout: 1, command: sleep 86400}}`)
      .join('\n')
    file = writeLabEnvironment(lab, `services:
  base:
    image: ${lab.image}
    instances: {${p}-base-1: {ship: ship1, stop_timeout: 1, command: sleep 86400}}
${onShip2}
  top:
    image: ${lab.image}
    requires: [d]
    instances: {${p}-top-1: {ship: ship1, stop_timeout: 5, command: sleep 86400}}
`, {ships: 2, name: p, shipKeys: (s) => ({timeout: SHIP_TIMEOUT_S, ...(s.index === 2 ? fault.ship2(lab, s) : {})})})
    writeFileSync(join(dirname(file), 'known_hosts'), lab.ships.map((s) => knownHostsLine(s.ip, lab.sshHostKey)).join(''))
    ok(await cli(['start']).done)
  })

  after(async () => {
    if (holed) await fault.restore(lab, lab.ships[1]!)
    if (file) {
      await cli(['kill', '-a']).done
      await cli(['clean']).done
      rmSync(dirname(file), {recursive: true, force: true})
    }
    if (home) rmSync(home, {recursive: true, force: true})
  })

  it('marks the ship down once, fails the rest of it at once with the same reason, stops the healthy ship', async () => {
    const junitFile = join(dirname(file), 'junit.xml')
    const stop = cli(['stop', '-a', '--reporter', 'json', '--reporter', `junit=${junitFile}`])
    // ship2 has been listed once the play starts; top's stop (5 s, `sleep` ignores SIGTERM) holds ship2's first request back
    await stop.sawOutput('"event":"play:start"')
    const started = Date.now()
    await fault.silence(lab, lab.ships[1]!)
    holed = true
    const r = await stop.done
    const elapsed = Date.now() - started
    await fault.restore(lab, lab.ships[1]!)
    holed = false

    expect(r.code, r.stderr).to.equal(1)
    // one request timeout for the fault, plus top's stop: not one per level (4 × STOP_WAIT_S)
    expect(elapsed, 'one timeout for the whole ship').to.be.lessThan((5 + 2 * STOP_WAIT_S + 5) * 1000)
    const events = eventLines(r.stdout)
    const ended = (name: string) => endOf(events, `${p}-${name}-1`)!
    expect(ended('top')).to.include({event: 'task:end', outcome: 'stopped'})
    expect(ended('base')).to.include({event: 'task:end', outcome: 'stopped'})
    const reasons = chain.map((s) => ended(s).error?.message)
    expect(reasons[3], JSON.stringify(ended('d'))).to.match(fault.reason(lab.ships[1]!))
    expect(new Set(reasons).size, reasons.join('\n')).to.equal(1)
    expect(playEnd(events), 'the play ended in the report').to.not.equal(undefined)
    const junit = readFileSync(junitFile, 'utf8')
    expect(xmllintJunit(junit).ok, junit).to.equal(true)
    expect(JSON.stringify(parseJunit(junit))).to.include(`stop ${p}-a-1`)

    // what the report says is what the ships hold: nothing on ship2 was stopped
    expect(await running(0, `${p}-top-1`)).to.equal(false)
    expect(await running(0, `${p}-base-1`)).to.equal(false)
    for (const s of chain) expect(await running(1, `${p}-${s}-1`), s).to.equal(true)

    // once the ship answers again, the same command converges
    ok(await cli(['stop', '-a']).done)
    for (const s of chain) expect(await running(1, `${p}-${s}-1`), s).to.equal(false)
  })
})
