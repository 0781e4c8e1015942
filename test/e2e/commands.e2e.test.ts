import {expect} from 'chai'
import {execFile} from 'node:child_process'
import {rmSync} from 'node:fs'
import {dirname} from 'node:path'
import {promisify} from 'node:util'
import {useLab, writeLabEnvironment, type Lab} from '../helpers/lab.js'
import {startLabRegistry, type LabRegistry} from '../helpers/lab-registry.js'
import {maestro, spawnMaestro, type CliResult} from '../helpers/cli.js'

const run = promisify(execFile)
const row = (r: CliResult, name: string): string => r.stdout.split('\n').find((l) => l.trim().split(/\s+/)[1] === name) ?? ''
/** A shell as PID 1 that exits at once on SIGTERM (so `stop` exits 0 and `kill` 137). */
const trapped = (cmd: string): string => JSON.stringify(`sh -c 'trap "exit 0" TERM; ${cmd} & wait'`)

/** status -F, kill, clean, pull and the restart flags through the built CLI on two lab ships. */
describe('maestro commands on the lab @e2e', function () {
  this.timeout(90_000)
  let lab: Lab
  let file: string
  let registry: LabRegistry
  let pulledRef: string
  const p = `cmd${process.pid}`
  const img = `${p}/img:1`
  const cli = (...args: string[]) => maestro(['-f', file, ...args])
  const docker = async (ship: number, ...args: string[]): Promise<string> =>
    (await run('docker', ['-H', `unix://${lab.ships[ship]!.socket}`, ...args])).stdout.trim()
  const state = async (ship: number, name: string) =>
    JSON.parse(await docker(ship, 'inspect', '-f', '{{json .State}}', name)) as {Running: boolean; ExitCode: number; StartedAt: string; FinishedAt: string}
  const id = (ship: number, name: string) => docker(ship, 'inspect', '-f', '{{.Id}}', name)
  const ok = (r: CliResult): CliResult => (expect(r.code, r.stdout + r.stderr).to.equal(0), r)

  before(async function () {
    lab = await useLab({ships: 2, context: this})
    registry = await startLabRegistry(lab)
    pulledRef = await registry.push(2, `${p}/pulled:1`)
    for (const s of [0, 1]) await docker(s, 'tag', lab.image, img)
    file = writeLabEnvironment(lab, `services:
  front:
    image: ${lab.image}
    instances:
      ${p}-front-1: {ship: ship1, stop_timeout: 5, command: ${trapped('httpd -f -p 8080 -h /')}, ports: {http: '8080:18097', dns: '53/udp:15354/udp'}}
  back:
    image: ${img}
    instances:
      ${p}-back-1: {ship: ship1, stop_timeout: 5, command: ${trapped('sleep 86400')}}
      ${p}-back-2: {ship: ship2, stop_timeout: 5, command: ${trapped('sleep 86400')}}
  pulled:
    image: ${pulledRef}
    instances:
      ${p}-pulled-1: {ship: ship2, stop_timeout: 5, command: ${trapped('sleep 86400')}}
`, {ships: 2, name: p})
    ok(await cli('start', 'front', 'back'))
  })

  after(async () => {
    if (file) {
      await cli('kill', '-a')
      await cli('clean')
      rmSync(dirname(file), {recursive: true, force: true})
    }
    for (const s of [0, 1]) await docker(s, 'rmi', '-f', img).catch(() => '')
    if (pulledRef) await registry.removeImage(2, pulledRef)
    await registry?.stop()
  })

  it('status -F probes each named port from here: tcp up while served, udp always down, down once stopped', async () => {
    const up = ok(await cli('status', '-F', `${p}-front-1`))
    expect(row(up, `${p}-front-1`)).to.match(/ running for \S+ ports \S+, \S+ \[http:18097 up, dns:15354\/udp down\]$/)
    ok(await cli('stop', `${p}-front-1`))
    const down = ok(await cli('status', '-F', `${p}-front-1`))
    expect(row(down, `${p}-front-1`)).to.match(/ down for \S+ \(exit \d+\) \[http:18097 down, dns:15354\/udp down\]$/)
  })

  it('kill ends a container at once with SIGKILL (exit 137), where stop lets it exit (0)', async () => {
    const stop = ok(await cli('stop', `${p}-back-1`))
    expect(row(stop, `${p}-back-1`)).to.match(/ stopped$/)
    expect(await state(0, `${p}-back-1`)).to.include({Running: false, ExitCode: 0})
    ok(await cli('start', `${p}-back-1`))
    const kill = ok(await cli('kill', `${p}-back-1`))
    expect(row(kill, `${p}-back-1`)).to.match(/ killed$/)
    expect(await state(0, `${p}-back-1`)).to.include({Running: false, ExitCode: 137})
  })

  it('clean removes stopped containers, skips running ones and says absent for the rest', async () => {
    const clean = ok(await cli('clean', `${p}-front-1`, `${p}-back-1`, `${p}-back-2`, `${p}-pulled-1`))
    expect(row(clean, `${p}-front-1`)).to.match(/ removed$/)
    expect(row(clean, `${p}-back-1`)).to.match(/ removed$/)
    expect(row(clean, `${p}-back-2`)).to.match(/ skipped \(running\)$/)
    expect(row(clean, `${p}-pulled-1`)).to.match(/ absent$/)
    const summary = clean.stdout.trim().split('\n').at(-1)
    for (const part of ['2 removed', '1 skipped', '1 absent', '0 failed']) expect(summary).to.contain(part)
    expect(await docker(0, 'ps', '-aq', '--filter', `name=${p}-`)).to.equal('')
    expect((await state(1, `${p}-back-2`)).Running).to.equal(true)
  })

  it('pulls an image only when the ship lacks it, and always with -r or maestro pull', async () => {
    const now = () => (Date.now() / 1000).toFixed(3)
    const pulls = async (since: string) =>
      (await docker(1, 'events', '--since', since, '--until', now(), '--filter', 'type=image', '--filter', 'event=pull', '--format', '{{.Actor.ID}}'))
        .split('\n').filter(Boolean)
    const t0 = now()
    expect(await docker(1, 'images', '-q', pulledRef)).to.equal('')
    expect(row(ok(await cli('start', `${p}-pulled-1`)), `${p}-pulled-1`)).to.match(/ started$/)
    expect(await pulls(t0)).to.deep.equal([pulledRef])
    ok(await cli('kill', `${p}-pulled-1`))
    const t1 = now()
    expect(row(ok(await cli('start', `${p}-pulled-1`)), `${p}-pulled-1`)).to.match(/ started$/)
    expect(await pulls(t1)).to.deep.equal([])
    ok(await cli('kill', `${p}-pulled-1`))
    expect(row(ok(await cli('start', '-r', `${p}-pulled-1`)), `${p}-pulled-1`)).to.match(/ started$/)
    expect(await pulls(t1)).to.deep.equal([pulledRef])
    const t2 = now()
    expect(row(ok(await cli('pull', `${p}-pulled-1`)), `${p}-pulled-1`)).to.match(/ pulled$/)
    expect(await pulls(t2), 'maestro pull always pulls').to.deep.equal([pulledRef])
  })

  it('restart --step-delay waits between containers, in list order', async () => {
    ok(await cli('start', 'front', 'back'))
    const r = ok(await cli('restart', '-s', '-c', '1', '--step-delay', '3', 'back'))
    expect(row(r, `${p}-back-1`)).to.match(/ started$/)
    const [first, second] = await Promise.all([state(0, `${p}-back-1`), state(1, `${p}-back-2`)])
    // no upper bound on the first (a loaded CI machine makes any such bound a race): the delay sits between them
    expect(Date.parse(second.StartedAt) - Date.parse(first.StartedAt)).to.be.at.least(3000)
  })

  it('restart --reuse --stop-start-delay keeps the container and waits between stop and start; without --reuse it is recreated', async () => {
    const before = await id(0, `${p}-front-1`)
    ok(await cli('restart', '--reuse', '--stop-start-delay', '1', `${p}-front-1`))
    expect(await id(0, `${p}-front-1`)).to.equal(before)
    const s = await state(0, `${p}-front-1`)
    expect(s.Running).to.equal(true)
    expect(Date.parse(s.StartedAt) - Date.parse(s.FinishedAt)).to.be.at.least(1000)
    ok(await cli('restart', `${p}-front-1`))
    expect(await id(0, `${p}-front-1`)).to.not.equal(before)
  })

  it('restart --only-if-changed skips containers already on the configured image and restarts the others', async () => {
    const [id1, id2] = await Promise.all([id(0, `${p}-back-1`), id(1, `${p}-back-2`)])
    await docker(1, 'commit', `${p}-back-2`, img)
    const fresh = await docker(1, 'image', 'inspect', '-f', '{{.Id}}', img)
    const r = ok(await cli('restart', '-s', '--only-if-changed', 'back'))
    expect(row(r, `${p}-back-1`)).to.match(/ up to date$/)
    expect(row(r, `${p}-back-2`)).to.match(/ started$/)
    expect(await id(0, `${p}-back-1`)).to.equal(id1)
    expect(await id(1, `${p}-back-2`)).to.not.equal(id2)
    expect(await docker(1, 'inspect', '-f', '{{.Image}}', `${p}-back-2`)).to.equal(fresh)
  })

  it('start --reuse starts the stopped container itself; plain start replaces it with a new one', async () => {
    ok(await cli('kill', `${p}-front-1`))
    const stopped = await id(0, `${p}-front-1`)
    expect(row(ok(await cli('start', '--reuse', `${p}-front-1`)), `${p}-front-1`)).to.match(/ started$/)
    expect(await id(0, `${p}-front-1`)).to.equal(stopped)
    ok(await cli('kill', `${p}-front-1`))
    expect(row(ok(await cli('start', `${p}-front-1`)), `${p}-front-1`)).to.match(/ started$/)
    expect(await id(0, `${p}-front-1`)).to.not.equal(stopped)
    expect((await state(0, `${p}-front-1`)).Running).to.equal(true)
  })

  it('stop gives the container stop_timeout seconds before Docker kills it', async () => {
    // `sleep` as PID 1 ignores SIGTERM, so the stop lasts exactly the timeout sent to Docker
    const f = writeLabEnvironment(lab, `services:
  stubborn:
    image: ${lab.image}
    instances: {${p}-stubborn-1: {ship: ship2, stop_timeout: 2, command: sleep 86400}}
`, {ships: 2, name: `${p}-timeout`})
    try {
      ok(await maestro(['-f', f, 'start']))
      ok(await maestro(['-f', f, 'stop', '-a']))
      const s = await state(1, `${p}-stubborn-1`)
      const took = Date.parse(s.FinishedAt) - Date.parse(s.StartedAt)
      expect(s.ExitCode).to.equal(137)
      expect(took, 'at least stop_timeout').to.be.at.least(2000)
      expect(took, 'not the 10 s default').to.be.below(8000)
    } finally {
      await maestro(['-f', f, 'clean'])
      rmSync(dirname(f), {recursive: true, force: true})
    }
  })

  it('Ctrl-C during a real stop lets the Docker stop in flight finish, starts nothing new and exits 130', async () => {
    // `sleep` as PID 1 ignores SIGTERM: each stop takes its full stop_timeout (3 s) before Docker kills
    const slow = writeLabEnvironment(lab, `services:
  base:
    image: ${lab.image}
    instances: {${p}-base-1: {ship: ship1, stop_timeout: 3, command: sleep 86400}}
  top:
    image: ${lab.image}
    requires: [base]
    instances: {${p}-top-1: {ship: ship2, stop_timeout: 3, command: sleep 86400}}
`, {ships: 2, name: `${p}-int`})
    try {
      ok(await maestro(['-f', slow, 'start']))
      // JSON lines beside the table, to send Ctrl-C once top's stop is in flight (never on a clock)
      const play = spawnMaestro(['-f', slow, 'stop', '-a', '--reporter', 'console', '--reporter', 'json'])
      await play.sawOutput(`"container":{"name":"${p}-top-1","service":"top","ship":"ship2","image":"${lab.image}"},"action":"stop","message":"stopping"`)
      play.child.kill('SIGINT')
      const r = await play.done
      expect(r.code, r.stdout + r.stderr).to.equal(130)
      expect(row(r, `${p}-top-1`), r.stdout).to.match(/ stopped$/)
      expect(row(r, `${p}-base-1`), r.stdout).to.match(/ skipped \(interrupted\)$/)
      expect(r.stderr).to.match(/interrupted/)
      expect(await state(1, `${p}-top-1`)).to.include({Running: false, ExitCode: 137})
      expect((await state(0, `${p}-base-1`)).Running).to.equal(true)
    } finally {
      await maestro(['-f', slow, 'kill', '-a'])
      await maestro(['-f', slow, 'clean'])
      rmSync(dirname(slow), {recursive: true, force: true})
    }
  })
})
