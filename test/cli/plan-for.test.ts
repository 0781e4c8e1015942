import {expect} from 'chai'
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {maestro} from '../helpers/cli.js'
import type {FleetConfig} from './fake-fleet-plugin.js'
import {SHOP, SHOP_IMAGES} from '../helpers/fixtures.js'
import {fakeFleetOptions, linkFakeFleet} from '../helpers/fake-fleet-cli.js'

interface Plan {
  command: string
  changes: boolean
  steps: {container: string; action: string; reason: string}[]
}

describe('plan --for COMMAND (built binary, fake fleet)', function () {
  // each case spawns the built binary
  this.timeout(60_000)
  let dir: string
  /** db-1 and app-1 running on a, app-2 absent. */
  const fleet: Omit<FleetConfig, 'ships'> = {images: SHOP_IMAGES, running: [{ship: 'a', name: 'db-1', image: 'postgres:16'}, {ship: 'a', name: 'app-1', image: 'app:1'}]}
  const cli = (args: string[]) => maestro(args, fakeFleetOptions(dir, {ships: ['a', 'b'], ...fleet}))
  const plan = async (args: string[]): Promise<Plan> => {
    const r = await cli(['plan', '--json', ...args])
    expect(r.code, r.stderr).to.equal(0)
    return JSON.parse(r.stdout) as Plan
  }
  const actions = (p: Plan) => Object.fromEntries(p.steps.map((s) => [s.container, s.action]))

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'maestro-plan-for-'))
    writeFileSync(join(dir, 'maestro.yaml'), SHOP)
    linkFakeFleet(dir)
  })
  after(() => rmSync(dir, {recursive: true, force: true}))

  it('plans for start by default, and for the command --for names, with its selection rules', async () => {
    expect(await plan([])).to.include({command: 'start'})
    const stop = await plan(['--for', 'stop', '-a'])
    expect([stop.command, actions(stop)]).to.deep.equal(['stop', {'db-1': 'stop', 'app-1': 'stop', 'app-2': 'nothing'}])
    expect(actions(await plan(['--for', 'kill', '-s', 'app']))).to.deep.equal({'app-1': 'kill', 'app-2': 'nothing'})
    expect(actions(await plan(['--for', 'stop', '-d', 'db-1']))).to.deep.equal({'db-1': 'stop', 'app-1': 'stop', 'app-2': 'nothing'})
    expect(actions(await plan(['--for', 'down']))).to.deep.equal({'db-1': 'remove', 'app-1': 'remove', 'app-2': 'nothing'})
    expect(actions(await plan(['--for', 'clean']))).to.deep.equal({'db-1': 'nothing', 'app-1': 'nothing', 'app-2': 'nothing'})
    expect(actions(await plan(['--for', 'restart', '-a', '--reuse']))).to.deep.equal({'db-1': 'restart', 'app-1': 'restart', 'app-2': 'create'})
    expect(actions(await plan(['--for', 'restart', '-a', '--only-if-changed']))).to.deep.equal({'db-1': 'nothing', 'app-1': 'nothing', 'app-2': 'create'})
  })

  it('shows the plan as text, one line per container', async () => {
    const r = await cli(['plan', '--for', 'stop', 'db-1'])
    expect(r.code, r.stderr).to.equal(0)
    expect(r.stdout).to.match(/^db-1 +a +stop +running: stopped$/m)
    expect(r.stdout.trim().split('\n').at(-1)).to.equal('1 of 1 container would change')
  })

  it('refuses what the command itself refuses, and a flag the command does not take, exit 2', async () => {
    const all = await cli(['plan', '--for', 'stop'])
    expect([all.code, all.stderr.trim()]).to.deep.equal([2, 'ERROR: stop needs the containers to act on (services with -s), or -a for everything'])
    const service = await cli(['plan', '--for', 'restart', 'app'])
    expect([service.code, service.stderr.trim()]).to.deep.equal([2, 'ERROR: app is a service: restart of a service needs -s (--expand-services), or name its containers (app-1, app-2)'])
    const reuse = await cli(['plan', '--for', 'stop', '-a', '--reuse'])
    expect([reuse.code, reuse.stderr.trim()]).to.deep.equal([2, 'ERROR: --reuse is not a flag of stop: plan --for stop takes --expand-services'])
    const only = await cli(['plan', '--only-if-changed'])
    expect([only.code, only.stderr.trim()]).to.deep.equal([2, 'ERROR: --only-if-changed is not a flag of start: plan --for start takes --refresh-images, --reuse, --remove-orphans'])
    for (const flag of ['--converge', '--no-converge']) {
      const converge = await cli(['plan', '--for', 'clean', flag])
      expect([converge.code, converge.stderr.trim()]).to.deep.equal([2, `ERROR: ${flag} is a flag of start only: plan --for clean takes --remove-orphans`])
    }
    const bad = await cli(['plan', '--for', 'pull'])
    expect(bad.code).to.equal(2)
    expect(bad.stderr).to.match(/^ERROR: .*pull/)
  })
})
