import {expect} from 'chai'
import {maestro} from '../../helpers/cli.js'
import {readJunitFile} from '../../helpers/junit-xml.js'
import {endOf, eventLines, playEnd, readEventFile} from '../../helpers/event-lines.js'
import {faultLab} from '../../helpers/fault-lab.js'

/** The chain, failing or (`fixed`) not. */
const services = (image: string, p: string, fixed: boolean): string => `services:
  base:
    image: ${image}
    instances: {${p}-base-1: {ship: ship1, command: sleep 86400, stop_timeout: 1}}
  crash:
    image: ${image}
    requires: [base]
    instances:
      ${p}-crash-1:
        ship: ship2
        stop_timeout: 1
        command: ${fixed ? 'sleep 86400' : `sh -c 'echo crash-says-goodbye; exit 3'`}
        lifecycle: {running: [{type: rexec, command: 'sleep 2', attempts: 1}]}
  unready:
    image: ${image}
    requires: [base]
    instances:
      ${p}-unready-1:
        ship: ship2
        stop_timeout: 1
        command: sh -c 'echo unready-is-waiting-for-godot; exec sleep 86400'
        lifecycle: {running: [{type: rexec, command: '${fixed ? 'true' : 'test -f /tmp/godot'}', attempts: 2}]}
  top:
    image: ${image}
    requires: [crash, unready]
    instances: {${p}-top-1: {ship: ship1, command: sleep 86400, stop_timeout: 1}}
  side:
    image: ${image}
    requires: [unready]
    instances: {${p}-side-1: {ship: ship2, command: sleep 86400, stop_timeout: 1}}
`

/**
 * Two containers of the middle dependency level fail, on ship2: `crash` exits non-zero at once (its running check
 * outlasts it, so the play sees it exit whether or not the inspect after `docker start` still found it running),
 * `unready` runs but fails its running check. Each fails with its own log lines, neither is left looking healthy,
 * what depends on them is skipped, the level below stays up; once the file is fixed the same `start` converges.
 */
describe('@e2e faults: a failing container in a middle dependency level', function () {
  this.timeout(180_000)
  const f = faultLab({prefix: 'fm', ships: 2, services: (lab, p) => services(lab.image, p, false)})
  const {p, docker} = f

  it('fails each with its log lines, stops the unready one, skips their dependents, keeps the level below; the fixed file converges', async () => {
    const {args, jsonFile, junitFile} = f.reports('console')
    const started = Date.now()
    const r = await maestro(['-f', f.file, 'start', ...args])
    const elapsed = Date.now() - started

    expect(r.code, r.stdout + r.stderr).to.equal(1)
    // base, then the failures (a 5 s running window at most, two check attempts 1 s apart), then the stop: no hang
    expect(elapsed, 'bounded').to.be.lessThan(45_000)
    const events = readEventFile(jsonFile)
    expect(playEnd(events), 'the play ended in the report').to.not.equal(undefined)
    const end = (s: string) => endOf(events, `${p}-${s}-1`)
    expect(end('base')).to.include({event: 'task:end', outcome: 'started'})
    expect(end('crash'), JSON.stringify(end('crash'))).to.include({event: 'task:fail', outcome: 'failed'})
    expect(end('crash')?.error?.message).to.match(/exit code 3/)
    expect(end('unready'), JSON.stringify(end('unready'))).to.include({event: 'task:fail', outcome: 'failed'})
    expect(end('unready')?.error?.message).to.match(/running check rexec failed.*; stopped it/)
    for (const s of ['top', 'side']) expect(end(s), s).to.include({event: 'task:skip', reason: 'aborted'})
    // the console shows each failure with the last lines of its log
    expect(r.stdout).to.match(/\| crash-says-goodbye/)
    expect(r.stdout).to.match(/\| unready-is-waiting-for-godot/)
    const junit = JSON.stringify(readJunitFile(junitFile))
    for (const s of ['base', 'crash', 'unready', 'top', 'side']) expect(junit, s).to.include(`start ${p}-${s}-1`)

    // what the reports say is what the ships hold: nothing left looking healthy, nothing started on top of it
    expect(await docker.state(0, `${p}-base-1`)).to.equal('running')
    expect(await docker.state(1, `${p}-crash-1`)).to.equal('exited')
    expect(await docker.state(1, `${p}-unready-1`), 'stopped, not left looking healthy').to.equal('exited')
    expect(await docker.notReadyMarkers(1)).to.deep.equal([])
    expect(await docker.state(0, `${p}-top-1`)).to.equal('absent')
    expect(await docker.state(1, `${p}-side-1`)).to.equal('absent')
    const status = await maestro(['-f', f.file, 'status', '--reporter', 'json'])
    expect(status.code, status.stderr).to.equal(0)
    for (const s of ['crash', 'unready']) expect(endOf(eventLines(status.stdout), `${p}-${s}-1`), s).to.include({outcome: 'down'})

    // the file fixed, the same start converges
    f.rewrite(services(f.lab.image, p, true))
    await f.ok('start')
    for (const [ship, s] of [[0, 'base'], [1, 'crash'], [1, 'unready'], [0, 'top'], [1, 'side']] as const)
      expect(await docker.state(ship, `${p}-${s}-1`), s).to.equal('running')
  })
})
