import {expect} from 'chai'
import {spawnMaestro} from '../../helpers/cli.js'
import {readJunitFile} from '../../helpers/junit-xml.js'
import {endOf, playEnd, readEventFile, sawEvent} from '../../helpers/event-lines.js'
import {blackholeDockerPort} from '../../helpers/lab-docker.js'
import {gatedChainServices} from '../../helpers/gated-chain.js'
import {faultLab} from '../../helpers/fault-lab.js'

const SHIP_TIMEOUT_S = 2

/**
 * ship2's Docker port is blackholed in the middle of `start` (ship timeout 2 s), after `a` is up on it and while
 * `gate` (ship1) waits on its check: when gate is ready, the containers queued for ship2 fail with one reason, what
 * depends on them on ship1 is skipped, and the command ends about one timeout after ship2's first request; once the
 * port answers again the same `start` converges.
 */
describe('@e2e faults: a ship\'s Docker port is blackholed during start', function () {
  this.timeout(180_000)
  let holed = false
  const hole = async (on: boolean) => {
    await blackholeDockerPort(f.lab.ships[1]!, on)
    holed = on
  }
  const f = faultLab({
    prefix: 'bh',
    ships: 2,
    shipKeys: () => ({timeout: SHIP_TIMEOUT_S}),
    services: (lab, p) => gatedChainServices(lab.image, p, `  c:
    image: ${lab.image}
    requires: [gate]
    instances: {${p}-c-1: {ship: ship2, command: sleep 86400, stop_timeout: 1}}
`),
    restore: async () => {
      if (holed) await hole(false)
    },
  })
  const {p, docker} = f

  it('fails what is queued for the silent ship with one reason, skips its dependents, ends within about one timeout; a rerun converges', async () => {
    const {args, jsonFile, junitFile} = f.reports('json')
    const start = spawnMaestro(['-f', f.file, 'start', ...args])
    const isEnd = (name: string) => (e: {event: string; container?: {name: string}}) => e.event === 'task:end' && e.container?.name === `${p}-${name}-1`
    await Promise.all([sawEvent(start, isEnd('a')), sawEvent(start, (e) => e.event === 'check:start' && e.container?.name === `${p}-gate-1`)])
    await hole(true)
    const faulted = Date.now()
    await docker(0, 'exec', `${p}-gate-1`, 'touch', '/tmp/go')
    const r = await start.done
    const elapsed = Date.now() - faulted
    await hole(false)

    expect(r.code, r.stdout + r.stderr).to.equal(1)
    // gate's next check attempt (1 s), one request timeout, one more listing of ship2 to read what became of it
    expect(elapsed, 'about one timeout, not one per container').to.be.lessThan((1 + 2 * SHIP_TIMEOUT_S + 8) * 1000)
    const events = readEventFile(jsonFile)
    expect(playEnd(events), 'the play ended in the report').to.not.equal(undefined)
    const end = (s: string) => endOf(events, `${p}-${s}-1`)
    expect(end('a')).to.include({event: 'task:end', outcome: 'started'})
    expect(end('gate')).to.include({event: 'task:end', outcome: 'started'})
    const reasons = ['b', 'c'].map((s) => {
      expect(end(s)?.event, JSON.stringify(end(s))).to.equal('task:fail')
      // the request was sent and never answered, and ship2 was still silent when listed again: not known
      expect(['unknown', 'failed'], JSON.stringify(end(s))).to.include(end(s)?.outcome)
      return end(s)?.error?.message
    })
    expect(reasons[0]).to.match(new RegExp(`^ship ship2 \\(.*\\) is unreachable: no answer within ${SHIP_TIMEOUT_S} s$`))
    expect(new Set(reasons).size, reasons.join('\n')).to.equal(1)
    expect(end('top')).to.include({event: 'task:skip', reason: 'aborted'})
    const junit = JSON.stringify(readJunitFile(junitFile))
    for (const s of ['gate', 'a', 'b', 'c', 'top']) expect(junit, s).to.include(`start ${p}-${s}-1`)

    // what the ships hold: a and gate up, nothing reached ship2 after the fault, top never created
    expect(await docker.state(1, `${p}-a-1`)).to.equal('running')
    expect(await docker.state(0, `${p}-gate-1`)).to.equal('running')
    for (const s of ['b', 'c']) expect(await docker.state(1, `${p}-${s}-1`), s).to.equal('absent')
    expect(await docker.state(0, `${p}-top-1`)).to.equal('absent')

    // ship2 answering again, the same start converges
    await f.ok('start')
    for (const [ship, s] of [[0, 'gate'], [1, 'a'], [1, 'b'], [1, 'c'], [0, 'top']] as const)
      expect(await docker.state(ship, `${p}-${s}-1`), s).to.equal('running')
  })
})
