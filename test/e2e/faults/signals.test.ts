import {expect} from 'chai'
import {execFile} from 'node:child_process'
import {readFileSync, rmSync, writeFileSync} from 'node:fs'
import {dirname, join} from 'node:path'
import {promisify} from 'node:util'
import {useLab, writeLabEnvironment, type Lab} from '../../helpers/lab.js'
import {maestro, spawnMaestro, type CliResult} from '../../helpers/cli.js'
import {readJunitFile} from '../../helpers/junit-xml.js'
import {endOf, playEnd, readEventFile, sawEvent, sawStderr} from '../../helpers/event-lines.js'

const run = promisify(execFile)

/**
 * SIGTERM, SIGHUP and a double Ctrl-C during `start --converge`, through the built CLI on two lab ships. The signal
 * is sent when `mid` is stopping its old container, a Docker request that takes its whole stop_timeout (`sleep` as
 * PID 1 ignores SIGTERM), so it is in flight when the signal arrives; `top` depends on `mid` and has drifted too.
 */
describe('@e2e faults: signals during a start', function () {
  this.timeout(120_000)
  let lab: Lab
  let file: string
  const p = `sig${process.pid}`
  const docker = async (ship: number, ...args: string[]): Promise<string> =>
    (await run('docker', ['-H', `unix://${lab.ships[ship]!.socket}`, ...args])).stdout.trim()
  const inspect = async (ship: number, name: string) =>
    JSON.parse(await docker(ship, 'inspect', '-f', '{{json .}}', name)) as {Id: string; State: {Running: boolean}; Config: {Env: string[]}}
  const ok = (r: CliResult): CliResult => (expect(r.code, r.stdout + r.stderr).to.equal(0), r)

  const body = (version: string) => `services:
  base:
    image: ${lab.image}
    instances: {${p}-base-1: {ship: ship1, stop_timeout: 1, command: sleep 86400}}
  mid:
    image: ${lab.image}
    requires: [base]
    env: {VERSION: "${version}"}
    instances: {${p}-mid-1: {ship: ship2, stop_timeout: 4, command: sleep 86400}}
  top:
    image: ${lab.image}
    requires: [mid]
    env: {VERSION: "${version}"}
    instances: {${p}-top-1: {ship: ship1, stop_timeout: 1, command: sleep 86400}}
`
  const write = (version: string) => writeLabEnvironment(lab, body(version), {ships: 2, name: p})

  before(async function () {
    lab = await useLab({ships: 2, context: this})
  })

  beforeEach(async () => {
    file = write('1')
    ok(await maestro(['-f', file, 'start']))
    writeFileSync(file, readFileSync(write('2'), 'utf8'))
  })

  afterEach(async () => {
    await maestro(['-f', file, 'kill', '-a'])
    await maestro(['-f', file, 'clean'])
    rmSync(dirname(file), {recursive: true, force: true})
  })

  async function interruptedStart(signals: readonly NodeJS.Signals[]) {
    const dir = dirname(file)
    const jsonFile = join(dir, 'events.jsonl')
    const junitFile = join(dir, 'junit.xml')
    const before = {top: (await inspect(0, `${p}-top-1`)).Id}
    const cli = spawnMaestro(['-f', file, 'start', '--converge', '--reporter', 'json', '--reporter', `json=${jsonFile}`, '--reporter', `junit=${junitFile}`])
    await sawEvent(cli, (e) => e.event === 'task:progress' && e.container?.name === `${p}-mid-1` && e.message === 'stopping')
    const started = Date.now()
    cli.child.kill(signals[0])
    if (signals[1]) {
      await sawStderr(cli, 'finishing actions in flight')
      cli.child.kill(signals[1])
    }
    const r = await cli.done
    const elapsed = Date.now() - started
    return {r, elapsed, events: readEventFile(jsonFile), junit: readJunitFile(junitFile), before}
  }

  for (const [signal, code] of [['SIGTERM', 143], ['SIGHUP', 129]] as const) {
    it(`${signal}: the stop in flight finishes, nothing new starts, reports are whole, exit ${code}`, async () => {
      const {r, elapsed, events, junit, before} = await interruptedStart([signal])
      expect(r.code, r.stderr).to.equal(code)
      expect(r.stderr).to.include(`${signal} received: finishing actions in flight`)
      expect(elapsed, 'bounded by the stop in flight, not a hang').to.be.lessThan(30_000)
      const end = playEnd(events)!
      expect(end, 'the play ended in the report').to.not.equal(undefined)
      expect(end.interrupted).to.equal(true)
      expect(end.error).to.deep.include({code: 'MAESTRO_INTERRUPTED', message: `interrupted by ${signal}`})
      const outcome = (name: string) => endOf(events, name)
      expect(outcome(`${p}-base-1`)).to.include({event: 'task:end', outcome: 'up'})
      expect(outcome(`${p}-top-1`)).to.include({event: 'task:skip', reason: 'interrupted'})
      // what the reports say is what the ships hold
      const mid = await inspect(1, `${p}-mid-1`).catch(() => undefined)
      const midSaid = outcome(`${p}-mid-1`)!
      if (midSaid.event === 'task:end') {
        expect(midSaid.outcome).to.equal('recreated')
        expect(mid?.State.Running).to.equal(true)
        expect(mid?.Config.Env).to.include('VERSION=2')
      } else {
        expect(midSaid.event, JSON.stringify(midSaid)).to.equal('task:fail')
        expect(mid?.State.Running ?? false).to.equal(false)
      }
      const top = await inspect(0, `${p}-top-1`)
      expect(top.Id, 'top was never touched').to.equal(before.top)
      expect(top.Config.Env).to.include('VERSION=1')
      expect((await inspect(0, `${p}-base-1`)).State.Running).to.equal(true)
      expect(JSON.stringify(junit)).to.include(`start ${p}-top-1`)
      // the same lines reached stdout, up to the end
      expect(r.stdout).to.include('"event":"play:end"')
      // a rerun converges
      ok(await maestro(['-f', file, 'start', '--converge']))
      expect((await inspect(0, `${p}-top-1`)).Config.Env).to.include('VERSION=2')
    })
  }

  it('a second Ctrl-C quits at once, naming what was in flight; the reports hold what was known', async () => {
    const {r, events} = await interruptedStart(['SIGINT', 'SIGINT'])
    expect(r.code, r.stderr).to.equal(130)
    expect(r.stderr).to.include(`in flight: ${p}-mid-1 on ship2: start (stopping)`)
    // it did not wait for the stop in flight: mid's task never ended, the play never did
    expect(endOf(events, `${p}-mid-1`), JSON.stringify(events)).to.equal(undefined)
    expect(playEnd(events)).to.equal(undefined)
    expect((await inspect(1, `${p}-mid-1`)).Config.Env).to.include('VERSION=1')
    ok(await maestro(['-f', file, 'start', '--converge']))
    expect((await inspect(1, `${p}-mid-1`)).Config.Env).to.include('VERSION=2')
  })
})
