import {expect} from 'chai'
import {maestro, type CliResult} from '../../helpers/cli.js'
import {endOf, eventLines} from '../../helpers/event-lines.js'
import {faultLab} from '../../helpers/fault-lab.js'

/**
 * `start --keep-failed` leaves a container that fails its running checks running; its ship remembers it (a labelled
 * volume), so `status` shows it `not ready` and the next `start` checks it again before it counts it up.
 */
describe('@e2e faults: a container kept running by --keep-failed after failing its running checks', function () {
  this.timeout(180_000)
  const f = faultLab({
    prefix: 'kf',
    ships: 1,
    services: (lab, p) => `services:
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
`,
  })
  const p = f.p
  const docker = (...args: string[]) => f.docker(0, ...args)
  const running = async (name: string) => (await f.docker.state(0, name)) === 'running'
  const markers = () => f.docker.notReadyMarkers(0)
  const cli = (...args: string[]) => maestro(['-f', f.file, ...args, '--reporter', 'json'])
  const outcomeOf = (r: CliResult, name: string) => endOf(eventLines(r.stdout), name)

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
