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
 * ship2's dockerd is killed (SIGKILL) while `stop -a` waits on ship1: every stop on ship2 fails with the reason the
 * first one met, ship1's containers are stopped, and once the daemon is back `stop -a` converges.
 */
describe('@e2e faults: a ship\'s dockerd is killed during stop', function () {
  this.timeout(240_000)
  let lab: Lab
  let file: string
  let killed = false
  const p = `dks${process.pid}`
  const docker = async (ship: number, ...args: string[]): Promise<string> =>
    (await run('docker', ['-H', `unix://${lab.ships[ship]!.socket}`, ...args])).stdout.trim()
  const state = async (ship: number, name: string) => docker(ship, 'inspect', '-f', '{{.State.Status}}', name).catch(() => 'absent')
  const restore = async () => {
    await run('bash', [LAB_SCRIPT, 'up', String(lab.ships.length)], {env: {...process.env, LAB_ID: String(lab.id)}})
    killed = false
  }
  const ok = (r: CliResult): CliResult => (expect(r.code, r.stdout + r.stderr).to.equal(0), r)

  before(async function () {
    lab = await useLab({ships: 2, context: this})
    // top's stop takes its 5 s stop timeout (`sleep` ignores SIGTERM): the kill lands while ship2 waits for it
    file = writeLabEnvironment(lab, `services:
  a:
    image: ${lab.image}
    instances: {${p}-a-1: {ship: ship2, command: sleep 86400, stop_timeout: 1}}
  b:
    image: ${lab.image}
    requires: [a]
    instances: {${p}-b-1: {ship: ship2, command: sleep 86400, stop_timeout: 1}}
  top:
    image: ${lab.image}
    requires: [b]
    instances: {${p}-top-1: {ship: ship1, command: sleep 86400, stop_timeout: 5}}
  side:
    image: ${lab.image}
    instances: {${p}-side-1: {ship: ship1, command: sleep 86400, stop_timeout: 1}}
`, {ships: 2, name: p, shipKeys: () => ({timeout: 5})})
    ok(await maestro(['-f', file, 'start']))
  })

  after(async () => {
    if (killed) await restore()
    if (!file) return
    await maestro(['-f', file, 'kill', '-a'])
    await maestro(['-f', file, 'clean'])
    rmSync(dirname(file), {recursive: true, force: true})
  })

  it('fails every stop on the dead ship with one reason, stops the healthy ship; a rerun converges', async () => {
    const junitFile = join(dirname(file), 'junit.xml')
    const jsonFile = join(dirname(file), 'events.jsonl')
    const started = Date.now()
    const stop = spawnMaestro(['-f', file, 'stop', '-a', '--reporter', 'json', '--reporter', `json=${jsonFile}`, '--reporter', `junit=${junitFile}`])
    await stop.sawOutput(`"event":"task:start"`)
    const pid = Number(readFileSync(join(lab.dir, 'ship2', 'dockerd.pid'), 'utf8').trim())
    process.kill(pid, 'SIGKILL')
    killed = true
    await until('ship2 dockerd gone', () => !alive(pid))
    const r = await stop.done
    const elapsed = Date.now() - started

    expect(r.code, r.stdout + r.stderr).to.equal(1)
    expect(elapsed, 'bounded: no per-level timeouts').to.be.lessThan(120_000)
    const events = readEventFile(jsonFile)
    expect(playEnd(events), 'the play ended in the report').to.not.equal(undefined)
    const ended = (name: string) => endOf(events, `${p}-${name}-1`)
    expect(ended('top'), JSON.stringify(ended('top'))).to.include({event: 'task:end', outcome: 'stopped'})
    expect(ended('side'), JSON.stringify(ended('side'))).to.include({event: 'task:end', outcome: 'stopped'})
    const reasons = ['a', 'b'].map((s) => ended(s)?.error?.message)
    expect(reasons[0], JSON.stringify(ended('a'))).to.match(/ship2/)
    expect(new Set(reasons).size, reasons.join('\n')).to.equal(1)
    const junit = readFileSync(junitFile, 'utf8')
    expect(xmllintJunit(junit).ok, junit).to.equal(true)
    const suites = JSON.stringify(parseJunit(junit))
    for (const s of ['a', 'b', 'top', 'side']) expect(suites, s).to.include(`stop ${p}-${s}-1`)

    // the report is what ship1 holds
    expect(await state(0, `${p}-top-1`)).to.equal('exited')
    expect(await state(0, `${p}-side-1`)).to.equal('exited')

    // once ship2's daemon is back, the same stop converges
    await restore()
    ok(await maestro(['-f', file, 'stop', '-a']))
    for (const [ship, s] of [[1, 'a'], [1, 'b'], [0, 'top'], [0, 'side']] as const)
      expect(await state(ship, `${p}-${s}-1`), s).to.not.equal('running')
  })
})
