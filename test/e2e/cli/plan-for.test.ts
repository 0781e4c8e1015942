import {expect} from 'chai'
import {rmSync, writeFileSync} from 'node:fs'
import {dirname} from 'node:path'
import {useLab, writeLabEnvironment, type Lab} from '../../helpers/lab.js'
import {labShipsYaml} from '../../helpers/lab-environment.js'
import {maestro} from '../../helpers/cli.js'
import {labClient} from '../lab-client.js'

interface Planned {
  steps: {container: string; ship: string; action: string}[]
  orphans: {container: string; ship: string; action: string}[]
}

describe('@e2e plan --for COMMAND on the lab: the command acts on exactly the containers the plan named', function () {
  this.timeout(180_000)
  let lab: Lab
  let file: string
  const p = `pfor${process.pid}`
  const cli = (...args: string[]) => maestro(['-f', file, ...args])
  /** web-1 (ship1) and web-2 (ship2) of web, which requires db; db-1 on `dbShip`. */
  const body = (dbShip: string) => `services:
  ${p}-db:
    image: ${lab.image}
    instances: {${p}-db-1: {ship: ${dbShip}, command: sleep 3600, stop_timeout: 1}}
  ${p}-web:
    image: ${lab.image}
    requires: [${p}-db]
    instances:
      ${p}-web-1: {ship: ship1, command: sleep 3600, stop_timeout: 1}
      ${p}-web-2: {ship: ship2, command: sleep 3600, stop_timeout: 1}
`
  const write = (dbShip: string) => writeFileSync(file, `name: ${p}\n${labShipsYaml(lab, {ships: 2})}${body(dbShip)}`)

  /** This environment's containers on every ship, `name@ship` → running. */
  async function fleet(): Promise<Map<string, boolean>> {
    const seen = new Map<string, boolean>()
    for (const ship of lab.ships) {
      const client = labClient(lab, ship)
      try {
        for (const c of await client.listContainers({all: true})) {
          const name = c.Names.map((n) => n.replace(/^\//, '')).find((n) => n.startsWith(`${p}-`) && !n.includes('/'))
          if (name) seen.set(`${name}@${ship.name}`, c.State === 'running')
        }
      } finally {
        await client.close()
      }
    }
    return seen
  }

  const plan = async (...args: string[]): Promise<Planned> => {
    const r = await cli('plan', '--json', ...args)
    expect(r.code, r.stderr).to.equal(0)
    return JSON.parse(r.stdout) as Planned
  }
  const named = (p: Planned, action: string) => [...p.steps, ...p.orphans].filter((s) => s.action === action).map((s) => `${s.container}@${s.ship}`).sort()

  before(async function () {
    lab = await useLab({ships: 2, context: this})
    file = writeLabEnvironment(lab, body('ship1'), {ships: 2, name: p})
  })

  after(async () => {
    for (const ship of ['ship1', 'ship2']) {
      write(ship)
      await cli('down')
    }
    rmSync(dirname(file), {recursive: true, force: true})
  })

  it('stop: plan --for stop --json names the containers stop -a then stops, the old copy of a moved instance included', async () => {
    expect((await cli('start')).code).to.equal(0)
    expect((await cli('stop', `${p}-web-2`)).code).to.equal(0)
    write('ship2')

    const planned = await plan('--for', 'stop', '-a')
    expect(planned.steps.map((s) => [s.container, s.action])).to.deep.equal([[`${p}-db-1`, 'nothing'], [`${p}-web-1`, 'stop'], [`${p}-web-2`, 'nothing']])
    expect(planned.orphans.map((o) => [o.container, o.ship, o.action])).to.deep.equal([[`${p}-db-1`, 'ship1', 'stop']])

    const before = await fleet()
    const stop = await cli('stop', '-a')
    expect(stop.code, stop.stderr).to.equal(0)
    const after = await fleet()
    const stopped = [...before].filter(([k, running]) => running && after.get(k) === false).map(([k]) => k).sort()
    expect(stopped).to.deep.equal(named(planned, 'stop'))
    expect([...after.keys()].sort(), 'nothing created or removed').to.deep.equal([...before.keys()].sort())
    expect([...after.values()].some((running) => running)).to.equal(false)
  })

  it('down: plan --for down --json names the containers down then removes', async () => {
    expect((await cli('start', `${p}-web-1`)).code).to.equal(0)
    const planned = await plan('--for', 'down')
    expect(planned.steps.map((s) => [s.container, s.action])).to.deep.equal([[`${p}-db-1`, 'nothing'], [`${p}-web-1`, 'remove'], [`${p}-web-2`, 'remove']])
    const before = await fleet()
    expect(before.get(`${p}-web-1@ship1`)).to.equal(true)
    const down = await cli('down')
    expect(down.code, down.stderr).to.equal(0)
    const after = await fleet()
    const removed = [...before.keys()].filter((k) => !after.has(k)).sort()
    expect(removed).to.deep.equal(named(planned, 'remove'))
    expect([...after.keys()], 'only what the plan kept').to.deep.equal([])
  })
})
