import {expect} from 'chai'
import {execFile} from 'node:child_process'
import {readFileSync, rmSync} from 'node:fs'
import {dirname, join} from 'node:path'
import {promisify} from 'node:util'
import {LAB_SCRIPT, useLab, writeLabEnvironment, type Lab} from '../../helpers/lab.js'
import {maestro, spawnMaestro, type CliResult} from '../../helpers/cli.js'
import {parseJunit, xmllintJunit} from '../../helpers/junit-xml.js'
import {endOf, playEnd, readEventFile} from '../../helpers/event-lines.js'
import {until} from '../../helpers/lab-docker.js'
import {gatedChainServices} from '../../helpers/gated-chain.js'

const run = promisify(execFile)

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

/**
 * ship2's dockerd is killed (SIGKILL) in the middle of `start`: what was already up stays reported up, the next request
 * to ship2 fails at once and marks it down, what depends on it is skipped, ship1's own work completes, and once the
 * daemon is back the same `start` converges.
 */
describe('@e2e faults: a ship\'s dockerd is killed during start', function () {
  this.timeout(240_000)
  let lab: Lab
  let file: string
  let killed = false
  const p = `dk${process.pid}`
  const docker = async (ship: number, ...args: string[]): Promise<string> =>
    (await run('docker', ['-H', `unix://${lab.ships[ship]!.socket}`, ...args])).stdout.trim()
  const state = async (ship: number, name: string) => docker(ship, 'inspect', '-f', '{{.State.Status}}', name).catch(() => 'absent')
  const pidFile = () => join(lab.dir, 'ship2', 'dockerd.pid')
  const restore = async () => {
    await run('bash', [LAB_SCRIPT, 'up', String(lab.ships.length)], {env: {...process.env, LAB_ID: String(lab.id)}})
    killed = false
  }
  const ok = (r: CliResult): CliResult => (expect(r.code, r.stdout + r.stderr).to.equal(0), r)

  before(async function () {
    lab = await useLab({ships: 2, context: this})
    // gate (ship1) becomes ready only when the test says so: the kill lands between `a` (up on ship2) and `b`
    file = writeLabEnvironment(lab, gatedChainServices(lab.image, p, `  side:
    image: ${lab.image}
    requires: [gate]
    instances: {${p}-side-1: {ship: ship1, command: sleep 86400, stop_timeout: 1}}
`), {ships: 2, name: p, shipKeys: () => ({timeout: 5})})
  })

  after(async () => {
    if (killed) await restore()
    if (!file) return
    await maestro(['-f', file, 'kill', '-a'])
    await maestro(['-f', file, 'clean'])
    rmSync(dirname(file), {recursive: true, force: true})
  })

  it('fails what needs the dead ship, skips its dependents, finishes the rest; a rerun converges', async () => {
    const junitFile = join(dirname(file), 'junit.xml')
    const jsonFile = join(dirname(file), 'events.jsonl')
    const started = Date.now()
    const start = spawnMaestro(['-f', file, 'start', '--reporter', `json=${jsonFile}`, '--reporter', `junit=${junitFile}`])
    await until('a running on ship2 and gate created', async () => (await state(1, `${p}-a-1`)) === 'running' && (await state(0, `${p}-gate-1`)) === 'running')
    const pid = Number(readFileSync(pidFile(), 'utf8').trim())
    process.kill(pid, 'SIGKILL')
    killed = true
    await until('ship2 dockerd gone', () => !alive(pid))
    await docker(0, 'exec', `${p}-gate-1`, 'touch', '/tmp/go')
    const r = await start.done
    const elapsed = Date.now() - started

    expect(r.code, r.stdout + r.stderr).to.equal(1)
    expect(elapsed, 'bounded: no per-level timeouts').to.be.lessThan(120_000)
    const events = readEventFile(jsonFile)
    expect(playEnd(events), 'the play ended in the report').to.not.equal(undefined)
    const ended = (name: string) => endOf(events, `${p}-${name}-1`)
    expect(ended('a')?.event, JSON.stringify(ended('a'))).to.equal('task:end')
    expect(ended('gate')?.event, JSON.stringify(ended('gate'))).to.equal('task:end')
    expect(ended('b')?.event, JSON.stringify(ended('b'))).to.equal('task:fail')
    expect(ended('b')?.error?.message, JSON.stringify(ended('b'))).to.match(/ship2/)
    expect(ended('top')?.event, JSON.stringify(ended('top'))).to.equal('task:skip')
    const junit = readFileSync(junitFile, 'utf8')
    expect(xmllintJunit(junit).ok, junit).to.equal(true)
    const suites = JSON.stringify(parseJunit(junit))
    for (const s of ['gate', 'a', 'b', 'top']) expect(suites, s).to.include(`${p}-${s}-1`)

    // the report is what ship1 holds: gate up, top never created; side depends only on ship1 and is up
    expect(await state(0, `${p}-gate-1`)).to.equal('running')
    expect(await state(0, `${p}-top-1`)).to.equal('absent')
    if (ended('side')?.event === 'task:end') expect(await state(0, `${p}-side-1`)).to.equal('running')
    else expect(await state(0, `${p}-side-1`)).to.not.equal('running')

    // once ship2's daemon is back, the same start converges
    await restore()
    expect(await state(1, `${p}-b-1`), 'b never reached ship2').to.equal('absent')
    ok(await maestro(['-f', file, 'start']))
    for (const [ship, s] of [[1, 'a'], [1, 'b'], [0, 'gate'], [0, 'top'], [0, 'side']] as const)
      expect(await state(ship, `${p}-${s}-1`), s).to.equal('running')
  })
})
