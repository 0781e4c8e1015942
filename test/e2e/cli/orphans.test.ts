import {expect} from 'chai'
import {rmSync, writeFileSync} from 'node:fs'
import {dirname} from 'node:path'
import {useLab, writeLabEnvironment, type Lab} from '../../helpers/lab.js'
import {labShipsYaml} from '../../helpers/lab-environment.js'
import {maestro} from '../../helpers/cli.js'

describe('@e2e orphans on the lab', function () {
  this.timeout(120_000)
  let lab: Lab
  let file: string
  const p = `orph${process.pid}`
  const cli = (...args: string[]) => maestro(['-f', file, ...args])
  const body = (dbShip: string, withCache: boolean) => `services:
  ${p}-db:
    image: ${lab.image}
    instances: {${p}-db-1: {ship: ${dbShip}, command: sleep 3600, stop_timeout: 1}}
${withCache ? `  ${p}-cache:
    image: ${lab.image}
    instances: {${p}-cache-1: {ship: ship2, command: sleep 3600, stop_timeout: 1}}
` : ''}`

  before(async function () {
    lab = await useLab({ships: 2, context: this})
    file = writeLabEnvironment(lab, body('ship1', true), {ships: 2, name: p})
  })

  after(async () => {
    writeFileSync(file, `name: ${p}\n${labShipsYaml(lab, {ships: 2})}${body('ship1', true)}`)
    await cli('kill', '-a')
    await cli('clean')
    writeFileSync(file, `name: ${p}\n${labShipsYaml(lab, {ships: 2})}${body('ship2', true)}`)
    await cli('kill', '-a')
    await cli('clean')
    rmSync(dirname(file), {recursive: true, force: true})
  })

  it('plan names the old copy of a moved instance and a removed service, and start leaves them as planned', async () => {
    expect((await cli('start')).code).to.equal(0)
    writeFileSync(file, `name: ${p}\n${labShipsYaml(lab, {ships: 2})}${body('ship2', false)}`)
    const plan = await cli('plan', '--json', '--detailed-exitcode')
    expect(plan.code, plan.stderr).to.equal(4)
    const parsed = JSON.parse(plan.stdout) as {steps: {container: string; ship: string; action: string}[]; orphans: {container: string; ship: string; kind: string; action: string}[]}
    expect(parsed.steps.map((s) => [s.container, s.ship, s.action])).to.deep.equal([[`${p}-db-1`, 'ship2', 'create']])
    expect(parsed.orphans.map((o) => [o.container, o.ship, o.kind, o.action])).to.deep.equal([[`${p}-cache-1`, 'ship2', 'unknown', 'keep'], [`${p}-db-1`, 'ship1', 'moved', 'keep']])
    const text = await cli('plan')
    expect(text.stdout).to.match(new RegExp(`^not placed by the file: ${p}-db-1 on ship1 \\(Up .*\\): moved to ship2`, 'm'))
  })
})
