import {execFile} from 'node:child_process'
import {rmSync} from 'node:fs'
import {dirname} from 'node:path'
import {promisify} from 'node:util'
import {expect} from 'chai'
import {maestro, spawnMaestro} from '../helpers/cli.js'
import {useLab, writeLabEnvironment, type Lab} from '../helpers/lab.js'

const run = promisify(execFile)

/** `maestro events` on two lab ships: lines arrive while containers start, SIGTERM ends it with exit 0. */
describe('@e2e maestro events on the lab', function () {
  this.timeout(90_000)
  let lab: Lab
  let file: string
  const p = `events${process.pid}`

  before(async function () {
    lab = await useLab({ships: 2, context: this})
    file = writeLabEnvironment(lab, `services:
  web:
    image: ${lab.image}
    instances:
      ${p}-web-1: {ship: ship1, command: sleep 3600, stop_timeout: 1}
      ${p}-web-2: {ship: ship2, command: sleep 3600, stop_timeout: 1}
`, {ships: 2, name: p})
  })

  after(async () => {
    for (const s of lab?.ships.slice(0, 2) ?? []) {
      const {stdout} = await run('docker', ['-H', `unix://${s.socket}`, 'ps', '-aq', '--filter', `name=${p}-`])
      const ids = stdout.split(/\s+/).filter(Boolean)
      if (ids.length > 0) await run('docker', ['-H', `unix://${s.socket}`, 'rm', '-f', ...ids])
    }
    if (file) rmSync(dirname(file), {recursive: true, force: true})
  })

  it('prints the events of containers started while it runs, on every ship, and exits 0 on SIGTERM', async () => {
    // --since now: what happens before a stream is open is replayed, so nothing depends on how fast it opens
    const events = spawnMaestro(['-f', file, 'events', '--since', String(Math.floor(Date.now() / 1000))], {keepStdinOpen: true})
    const up = await maestro(['-f', file, 'start'])
    expect(up.code, up.stdout + up.stderr).to.equal(0)
    await Promise.all([events.sawOutput(' start on ship1'), events.sawOutput(' start on ship2')])
    const kill = await maestro(['-f', file, 'kill', '-a'])
    expect(kill.code, kill.stdout + kill.stderr).to.equal(0)
    await events.sawOutput(' die (exit code 137) on ship2')
    events.child.kill('SIGTERM')
    const r = await events.done
    expect(r.code, r.stderr).to.equal(0)
    expect(r.stdout).to.match(new RegExp(`^${p}-web-1 \\| \\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z create on ship1$`, 'm'))
    expect(r.stderr).to.equal('')
  })

  it('--json with --since/--until prints past events as JSON lines and ends by itself', async () => {
    const r = await maestro(['-f', file, 'events', `${p}-web-2`, '--json', '--since', '10m', '--until', '0s'])
    expect(r.code, r.stderr).to.equal(0)
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>)
    expect(lines.map((l) => l.action)).to.include.members(['create', 'start', 'kill', 'die'])
    for (const l of lines) {
      expect(l).to.include({ship: 'ship2', container: `${p}-web-2`})
      expect(Object.keys(l)).to.include.members(['ship', 'container', 'action', 'time'])
    }
  })

  it('a ship that cannot be reached gets one warning line; the other ships go on (exit 1 at the end)', async () => {
    const dir = dirname(file)
    const broken = writeLabEnvironment(lab, `services:
  web:
    image: ${lab.image}
    instances:
      ${p}-web-1: {ship: ship1, command: sleep 3600, stop_timeout: 1}
      ${p}-web-2: {ship: ship2, command: sleep 3600, stop_timeout: 1}
`, {ships: 2, name: p, dir, file: 'broken.yaml', shipKeys: (s) => (s.index === 2 ? {ip: lab.unusedIp, timeout: 1} : {})})
    const r = await maestro(['-f', broken, 'events', '--since', '10m', '--until', '0s'])
    expect(r.code, r.stderr).to.equal(1)
    const warnings = r.stderr.trim().split('\n')
    expect(warnings).to.have.length(1)
    expect(warnings[0]).to.match(new RegExp(`^warning: ship ship2 \\(tcp://${lab.unusedIp.replace(/\./g, '\\.')}:2375\\): no events: `))
    expect(r.stdout).to.match(new RegExp(`^${p}-web-1 \\| \\S+ start on ship1$`, 'm'))
  })
})
