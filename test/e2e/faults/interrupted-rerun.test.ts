import {expect} from 'chai'
import {maestro, spawnMaestro} from '../../helpers/cli.js'
import {readJunitFile} from '../../helpers/junit-xml.js'
import {endOf, eventLines, playEnd, readEventFile, sawEvent} from '../../helpers/event-lines.js'
import {faultLab} from '../../helpers/fault-lab.js'

/**
 * Ctrl-C while `db` waits on its running checks (they would wait two minutes), then a rerun: db is left running but
 * never looks ready (aborted, marked not ready on its ship, `status` says so), and the rerun checks it again before
 * it starts what depends on it.
 */
describe('@e2e faults: a start interrupted during readiness checks, then run again', function () {
  this.timeout(180_000)
  const f = faultLab({
    prefix: 'ir',
    ships: 2,
    services: (lab, p) => `services:
  db:
    image: ${lab.image}
    instances:
      ${p}-db-1:
        ship: ship2
        command: sleep 86400
        stop_timeout: 1
        lifecycle: {running: [{type: rexec, command: 'test -f /tmp/ready', attempts: 120}]}
  app:
    image: ${lab.image}
    requires: [db]
    instances: {${p}-app-1: {ship: ship1, command: sleep 86400, stop_timeout: 1}}
`,
  })
  const {p, docker} = f
  const db = `${p}-db-1`

  it('leaves the interrupted container marked not ready, and the rerun checks it before starting its dependents', async () => {
    const {args, jsonFile, junitFile} = f.reports('json')
    const start = spawnMaestro(['-f', f.file, 'start', ...args])
    // its first attempt has failed: db is waiting on its checks
    await sawEvent(start, (e) => e.event === 'task:progress' && e.container?.name === db && /running check rexec \(attempt 2\)/.test(e.message ?? ''))
    const interrupted = Date.now()
    start.child.kill('SIGINT')
    const r = await start.done
    const elapsed = Date.now() - interrupted

    expect(r.code, r.stderr).to.equal(130)
    expect(elapsed, 'the checks stop at once').to.be.lessThan(10_000)
    const events = readEventFile(jsonFile)
    expect(playEnd(events)).to.include({interrupted: true})
    expect(endOf(events, db), JSON.stringify(endOf(events, db))).to.include({event: 'task:fail', outcome: 'aborted'})
    expect(endOf(events, db)?.error?.message).to.equal(`${db}: running checks cut short (interrupted); left running (status and the next start know it is not ready)`)
    expect(endOf(events, `${p}-app-1`)).to.include({event: 'task:skip', reason: 'interrupted'})
    expect(JSON.stringify(readJunitFile(junitFile))).to.include(`start ${db}`)

    // what the ships hold: db running but remembered not ready, app never created
    expect(await docker.state(1, db)).to.equal('running')
    const id = await docker(1, 'inspect', '-f', '{{.Id}}', db)
    const markers = await docker.notReadyMarkers(1)
    expect(markers).to.have.length(1)
    expect(await docker(1, 'volume', 'inspect', '-f', '{{index .Labels "io.maestro.not-ready"}}', markers[0]!)).to.equal(id)
    expect(await docker.state(0, `${p}-app-1`)).to.equal('absent')
    const status = await maestro(['-f', f.file, 'status', '--reporter', 'json'])
    expect(endOf(eventLines(status.stdout), db)).to.include({outcome: 'not ready'})
    expect(endOf(eventLines(status.stdout), db)?.detail).to.match(/^\(its running checks were interrupted\)/)

    // db becomes ready: the rerun checks it again, counts it up as it is, and starts app on top of it
    await docker(1, 'exec', db, 'touch', '/tmp/ready')
    const rerun = await f.ok('start', '--reporter', 'json')
    const again = eventLines(rerun.stdout)
    expect(endOf(again, db)).to.include({event: 'task:end', outcome: 'up', detail: '(ready now; its running checks had been interrupted)'})
    expect(endOf(again, `${p}-app-1`)).to.include({event: 'task:end', outcome: 'started'})
    expect(await docker(1, 'inspect', '-f', '{{.Id}}', db), 'not recreated').to.equal(id)
    expect(await docker.state(0, `${p}-app-1`)).to.equal('running')
    expect(await docker.notReadyMarkers(1), 'forgotten once ready').to.deep.equal([])
    expect(endOf(eventLines((await maestro(['-f', f.file, 'status', '--reporter', 'json'])).stdout), db)).to.include({outcome: 'running'})
  })
})
