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

  it('plan names the old copy of a moved instance and a removed service, with what start --converge does to each', async () => {
    expect((await cli('start')).code).to.equal(0)
    writeFileSync(file, `name: ${p}\n${labShipsYaml(lab, {ships: 2})}${body('ship2', false)}`)
    const plan = await cli('plan', '--json', '--detailed-exitcode')
    expect(plan.code, plan.stderr).to.equal(4)
    const parsed = JSON.parse(plan.stdout) as {steps: {container: string; ship: string; action: string}[]; orphans: {container: string; ship: string; kind: string; action: string}[]}
    expect(parsed.steps.map((s) => [s.container, s.ship, s.action])).to.deep.equal([[`${p}-db-1`, 'ship2', 'create']])
    expect(parsed.orphans.map((o) => [o.container, o.ship, o.kind, o.action])).to.deep.equal([[`${p}-cache-1`, 'ship2', 'unknown', 'keep'], [`${p}-db-1`, 'ship1', 'moved', 'remove']])
    const text = await cli('plan')
    expect(text.stdout).to.match(new RegExp(`^not placed by the file: ${p}-db-1 on ship1 \\(Up .*\\): remove: moved to ship2`, 'm'))
  })

  const orphanRow = (name: string, ship: string, rest: string) => new RegExp(`^  ${name} +${ship} +${rest}`, 'm')
  const placed = () => writeFileSync(file, `name: ${p}\n${labShipsYaml(lab, {ships: 2})}${body('ship2', false)}`)

  it('status lists them; stop -a stops the old copy; start warns once; --converge and --remove-orphans leave one copy, on the new ship', async () => {
    placed()
    const status = await cli('status')
    expect(status.code, status.stderr).to.equal(0)
    expect(status.stdout).to.match(orphanRow(`${p}-cache-1`, 'ship2', `running for \\S+ +not in the file \\(service ${p}-cache\\)`))
    expect(status.stdout).to.match(orphanRow(`${p}-db-1`, 'ship1', 'running for \\S+ +moved to ship2'))

    const stop = await cli('stop', '-a')
    expect(stop.code, stop.stderr).to.equal(0)
    expect(stop.stdout).to.match(new RegExp(`^orphan ${p}-db-1 on ship1 \\(moved to ship2\\): stopped$`, 'm'))
    expect((await cli('status')).stdout).to.match(orphanRow(`${p}-db-1`, 'ship1', 'exited'))

    const start = await cli('start')
    expect(start.code, start.stderr).to.equal(0)
    expect(start.stderr.match(/found orphan containers/g), start.stderr).to.have.length(1)
    expect(start.stderr).to.include(`${p}-cache-1 on ship2`).and.to.include(`${p}-db-1 on ship1 (moved to ship2)`)

    const converge = await cli('start', '--converge')
    expect(converge.code, converge.stderr).to.equal(0)
    expect(converge.stdout).to.match(new RegExp(`^orphan ${p}-db-1 on ship1 \\(moved to ship2\\): removed$`, 'm'))
    const after = await cli('status')
    expect(after.stdout).to.not.match(orphanRow(`${p}-db-1`, '\\S+', ''))
    expect(after.stdout).to.match(new RegExp(`${p}-db-1 .*ship2 .*running`))
    expect(after.stdout).to.match(orphanRow(`${p}-cache-1`, 'ship2', 'running'))

    const remove = await cli('start', '--remove-orphans')
    expect(remove.code, remove.stderr).to.equal(0)
    expect(remove.stderr).to.not.include('found orphan containers')
    expect(remove.stdout).to.match(new RegExp(`^orphan ${p}-cache-1 on ship2 \\(not in the file \\(service ${p}-cache\\)\\): removed$`, 'm'))
    expect((await cli('status')).stdout).to.not.include('orphans (')
  })

  it('clean keeps a removed service\'s container unless --remove-orphans', async () => {
    writeFileSync(file, `name: ${p}\n${labShipsYaml(lab, {ships: 2})}${body('ship2', true)}`)
    expect((await cli('start')).code).to.equal(0)
    placed()
    const plan = await cli('plan', '--json', '--remove-orphans')
    const parsed = JSON.parse(plan.stdout) as {orphans: {container: string; action: string}[]}
    expect(parsed.orphans.map((o) => [o.container, o.action])).to.deep.equal([[`${p}-cache-1`, 'remove']])
    expect((await cli('clean')).code).to.equal(0)
    expect((await cli('status')).stdout).to.match(orphanRow(`${p}-cache-1`, 'ship2', 'running'))
    const clean = await cli('clean', '--remove-orphans')
    expect(clean.code, clean.stderr).to.equal(0)
    expect((await cli('status')).stdout).to.not.include('orphans (')
  })
})
