import {expect} from 'chai'
import {execFile} from 'node:child_process'
import {rmSync} from 'node:fs'
import {dirname} from 'node:path'
import {promisify} from 'node:util'
import {useLab, writeLabEnvironment, type Lab} from '../../helpers/lab.js'
import {maestro, type CliResult} from '../../helpers/cli.js'

const run = promisify(execFile)

interface EventLine {
  readonly event: string
  readonly container?: {readonly name: string}
  readonly outcome?: string
  readonly error?: {readonly message: string}
}

/**
 * `start --keep-failed` leaves a container that fails its running checks running; its ship remembers it (a labelled
 * volume), so `status` shows it `not ready` and the next `start` checks it again before it counts it up.
 */
describe('@e2e faults: a container kept running by --keep-failed after failing its running checks', function () {
  this.timeout(180_000)
  let lab: Lab
  let file: string
  const p = `kf${process.pid}`
  const docker = async (...args: string[]): Promise<string> => (await run('docker', ['-H', `unix://${lab.ships[0]!.socket}`, ...args])).stdout.trim()
  const running = async (name: string) => (await docker('inspect', '-f', '{{.State.Running}}', name).catch(() => 'absent')) === 'true'
  const markers = async () => (await docker('volume', 'ls', '-q', '--filter', 'label=io.maestro.not-ready')).split('\n').filter((l) => l !== '')
  const cli = (...args: string[]) => maestro(['-f', file, ...args, '--reporter', 'json'])
  const events = (r: CliResult): EventLine[] => r.stdout.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as EventLine)
  const outcomeOf = (r: CliResult, name: string) => events(r).find((e) => (e.event === 'task:end' || e.event === 'task:fail' || e.event === 'task:skip') && e.container?.name === name)

  before(async function () {
    lab = await useLab({ships: 1, context: this})
    file = writeLabEnvironment(lab, `services:
  db:
    image: ${lab.image}
    instances:
      ${p}-db-1:
        ship: ship1
        command: sleep 86400
        stop_timeout: 1
        lifecycle: {running: [{type: rexec, command: 'test -f /tmp/ready', attempts: 1}]}
  app:
    image: ${lab.image}
    requires: [db]
    instances: {${p}-app-1: {ship: ship1, command: sleep 86400, stop_timeout: 1}}
`, {ships: 1, name: p})
  })

  after(async () => {
    if (!file) return
    await maestro(['-f', file, 'kill', '-a'])
    await maestro(['-f', file, 'clean'])
    rmSync(dirname(file), {recursive: true, force: true})
  })

  it('status shows it not ready; the next start checks it again and starts no dependent on it until it passes', async () => {
    const kept = await cli('start', '--keep-failed')
    expect(kept.code, kept.stderr).to.equal(1)
    expect(await running(`${p}-db-1`), 'left running').to.equal(true)
    expect(await markers()).to.have.length(1)
    expect(outcomeOf(kept, `${p}-app-1`)?.event).to.equal('task:skip')

    const status = await cli('status')
    expect(status.code, status.stderr).to.equal(0)
    expect(outcomeOf(status, `${p}-db-1`)).to.include({event: 'task:end', outcome: 'not ready'})

    // still failing: not counted up, its dependent not started, and (no --keep-failed) stopped this time
    const again = await cli('start')
    expect(again.code, again.stderr).to.equal(1)
    expect(outcomeOf(again, `${p}-db-1`)?.event).to.equal('task:fail')
    expect(outcomeOf(again, `${p}-db-1`)?.error?.message).to.match(/running check rexec failed.*; stopped it/)
    expect(outcomeOf(again, `${p}-app-1`)?.event).to.equal('task:skip')
    expect(await running(`${p}-app-1`)).to.equal(false)
    expect(await running(`${p}-db-1`)).to.equal(false)
    expect(await markers(), 'the marker went with the stop').to.deep.equal([])

    // kept again, then made ready by hand: the next start counts it up as it is and starts its dependent
    expect((await cli('start', '--keep-failed')).code).to.equal(1)
    const id = await docker('inspect', '-f', '{{.Id}}', `${p}-db-1`)
    await docker('exec', `${p}-db-1`, 'touch', '/tmp/ready')
    const ready = await cli('start')
    expect(ready.code, ready.stderr + ready.stdout).to.equal(0)
    expect(outcomeOf(ready, `${p}-db-1`)).to.include({event: 'task:end', outcome: 'up'})
    expect(await docker('inspect', '-f', '{{.Id}}', `${p}-db-1`), 'not recreated').to.equal(id)
    expect(await running(`${p}-app-1`)).to.equal(true)
    expect(await markers()).to.deep.equal([])
    expect(outcomeOf(await cli('status'), `${p}-db-1`)).to.include({outcome: 'running'})
  })
})
