import {expect} from 'chai'
import {execFile} from 'node:child_process'
import {readFileSync, rmSync} from 'node:fs'
import {dirname, join} from 'node:path'
import {promisify} from 'node:util'
import {useLab, writeLabEnvironment, type Lab, type LabShip} from '../../helpers/lab.js'
import {maestro, spawnMaestro, type CliResult} from '../../helpers/cli.js'
import {parseJunit, xmllintJunit} from '../../helpers/junit-xml.js'

const run = promisify(execFile)
const SHIP_TIMEOUT_S = 2
/** What one stop request may take before the client gives up on the ship: stop_timeout + max(timeout, 10 s). */
const STOP_WAIT_S = 1 + 10

interface EventLine {
  readonly event: string
  readonly container?: {readonly name: string}
  readonly outcome?: string
  readonly error?: {readonly code: string; readonly message: string}
}

const blackhole = (s: LabShip, on: boolean) =>
  run('ip', ['netns', 'exec', s.netns, 'iptables', on ? '-I' : '-D', 'INPUT', '-p', 'tcp', '--dport', String(s.dockerPort), '-j', 'DROP'])

/**
 * `stop -a` while ship2's Docker port is blackholed after the play has listed it: a chain of four levels on ship2
 * costs one request timeout, not four, and every container's outcome is what the ships hold.
 */
describe('@e2e faults: a ship goes silent during stop -a', function () {
  this.timeout(180_000)
  let lab: Lab
  let file: string
  let holed = false
  const p = `dead${process.pid}`
  const docker = async (ship: number, ...args: string[]): Promise<string> =>
    (await run('docker', ['-H', `unix://${lab.ships[ship]!.socket}`, ...args])).stdout.trim()
  const running = async (ship: number, name: string) => (await docker(ship, 'inspect', '-f', '{{.State.Running}}', name)) === 'true'
  const ok = (r: CliResult): CliResult => (expect(r.code, r.stdout + r.stderr).to.equal(0), r)
  const chain = ['a', 'b', 'c', 'd']

  before(async function () {
    lab = await useLab({ships: 2, context: this})
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
`, {ships: 2, name: p, shipKeys: {timeout: SHIP_TIMEOUT_S}})
    ok(await maestro(['-f', file, 'start']))
  })

  after(async () => {
    if (holed) await blackhole(lab.ships[1]!, false)
    if (file) {
      await maestro(['-f', file, 'kill', '-a'])
      await maestro(['-f', file, 'clean'])
      rmSync(dirname(file), {recursive: true, force: true})
    }
  })

  it('marks the ship down once, fails the rest of it at once with the same reason, stops the healthy ship', async () => {
    const junitFile = join(dirname(file), 'junit.xml')
    const cli = spawnMaestro(['-f', file, 'stop', '-a', '--reporter', 'json', '--reporter', `junit=${junitFile}`])
    // ship2 has been listed once the play starts; top's stop (5 s, `sleep` ignores SIGTERM) holds ship2's first request back
    await cli.sawOutput('"event":"play:start"')
    const started = Date.now()
    await blackhole(lab.ships[1]!, true)
    holed = true
    const r = await cli.done
    const elapsed = Date.now() - started
    await blackhole(lab.ships[1]!, false)
    holed = false

    expect(r.code, r.stderr).to.equal(1)
    // one request timeout for the fault, plus top's stop: not one per level (4 × STOP_WAIT_S)
    expect(elapsed, 'one timeout for the whole ship').to.be.lessThan((5 + 2 * STOP_WAIT_S + 5) * 1000)
    const events = r.stdout.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as EventLine)
    const ended = (name: string) => events.find((e) => (e.event === 'task:end' || e.event === 'task:fail') && e.container?.name === `${p}-${name}-1`)!
    expect(ended('top')).to.include({event: 'task:end', outcome: 'stopped'})
    expect(ended('base')).to.include({event: 'task:end', outcome: 'stopped'})
    const reasons = chain.map((s) => ended(s).error?.message)
    expect(reasons[3], JSON.stringify(ended('d'))).to.match(new RegExp(`^ship ship2 \\(.*\\) is unreachable: no answer within ${STOP_WAIT_S} s$`))
    expect(new Set(reasons).size, reasons.join('\n')).to.equal(1)
    expect(events.find((e) => e.event === 'play:end'), 'the play ended in the report').to.not.equal(undefined)
    const junit = readFileSync(junitFile, 'utf8')
    expect(xmllintJunit(junit).ok, junit).to.equal(true)
    expect(JSON.stringify(parseJunit(junit))).to.include(`stop ${p}-a-1`)

    // what the report says is what the ships hold: nothing on ship2 was stopped
    expect(await running(0, `${p}-top-1`)).to.equal(false)
    expect(await running(0, `${p}-base-1`)).to.equal(false)
    for (const s of chain) expect(await running(1, `${p}-${s}-1`), s).to.equal(true)

    // once the ship answers again, the same command converges
    ok(await maestro(['-f', file, 'stop', '-a']))
    for (const s of chain) expect(await running(1, `${p}-${s}-1`), s).to.equal(false)
  })
})
