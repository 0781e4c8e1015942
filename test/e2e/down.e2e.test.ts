import {expect} from 'chai'
import {execFile} from 'node:child_process'
import {rmSync} from 'node:fs'
import {dirname} from 'node:path'
import {promisify} from 'node:util'
import {useLab, writeLabEnvironment, type Lab} from '../helpers/lab.js'
import {maestro} from '../helpers/cli.js'

const run = promisify(execFile)
const trapped = (cmd: string): string => JSON.stringify(`sh -c 'trap "exit 0" TERM; ${cmd} & wait'`)

/** `maestro down`: stop dependents first, then remove, on two lab ships. */
describe('maestro down on the lab @e2e', function () {
  this.timeout(90_000)
  let lab: Lab
  let file: string
  const p = `down${process.pid}`
  const cli = (...args: string[]) => maestro(['-f', file, ...args])
  const docker = async (ship: number, ...args: string[]): Promise<string> =>
    (await run('docker', ['-H', `unix://${lab.ships[ship]!.socket}`, ...args])).stdout.trim()
  const names = async (ship: number) => (await docker(ship, 'ps', '-a', '--format', '{{.Names}}')).split('\n').filter((n) => n.startsWith(p)).sort()

  before(async function () {
    lab = await useLab({ships: 2, context: this})
    file = writeLabEnvironment(lab, `services:
  db:
    image: ${lab.image}
    instances:
      ${p}-db-1: {ship: ship1, stop_timeout: 5, command: ${trapped('sleep 86400')}}
  app:
    image: ${lab.image}
    requires: [db]
    instances:
      ${p}-app-1: {ship: ship2, stop_timeout: 5, command: ${trapped('sleep 86400')}}
      ${p}-app-2: {ship: ship1, stop_timeout: 5, command: ${trapped('sleep 86400')}}
`, {ships: 2, name: p})
  })

  after(async () => {
    if (file) {
      await cli('kill', '-a')
      await cli('clean')
      rmSync(dirname(file), {recursive: true, force: true})
    }
  })

  it('down -s -d db stops dependents before db, then removes all three; a second down finds them absent', async () => {
    const up = await cli('start')
    expect(up.code, up.stdout + up.stderr).to.equal(0)
    expect(await names(0)).to.deep.equal([`${p}-app-2`, `${p}-db-1`])
    const r = await cli('down', '-s', '-d', 'db', '--progress', 'plain')
    expect(r.code, r.stdout + r.stderr).to.equal(0)
    const stopped = r.stdout.split('\n').filter((l) => /stopped/.test(l)).map((l) => l.split(/\s+/).find((w) => w.startsWith(p)))
    expect(stopped, r.stdout).to.include.members([`${p}-db-1`, `${p}-app-1`, `${p}-app-2`])
    expect(stopped.indexOf(`${p}-db-1`), r.stdout).to.be.greaterThan(stopped.indexOf(`${p}-app-1`)).and.greaterThan(stopped.indexOf(`${p}-app-2`))
    expect(await names(0)).to.deep.equal([])
    expect(await names(1)).to.deep.equal([])
    const again = await cli('down')
    expect(again.code, again.stdout + again.stderr).to.equal(0)
    expect(again.stdout).to.contain('absent')
  })

  it('down with no things takes the whole environment down (no -a needed)', async () => {
    expect((await cli('start')).code).to.equal(0)
    const r = await cli('down')
    expect(r.code, r.stdout + r.stderr).to.equal(0)
    expect([...(await names(0)), ...(await names(1))]).to.deep.equal([])
  })
})
