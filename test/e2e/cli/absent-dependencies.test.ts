import {expect} from 'chai'
import {rmSync} from 'node:fs'
import {dirname} from 'node:path'
import {useLab, writeLabEnvironment, type Lab} from '../../helpers/lab.js'
import {maestro} from '../../helpers/cli.js'

/** `start` of a container whose dependencies are down says so on stderr, once per dependency, unless -d. */
describe('@e2e start warns about absent dependencies on the lab', function () {
  this.timeout(120_000)
  let lab: Lab
  let file: string
  const p = `dep${process.pid}`
  const cli = (...args: string[]) => maestro(['-f', file, ...args])
  const warnings = (stderr: string) => stderr.split('\n').filter((l) => l.startsWith('warning: '))

  before(async function () {
    lab = await useLab({ships: 2, context: this})
    file = writeLabEnvironment(lab, `services:
  ${p}-db:
    image: ${lab.image}
    instances: {${p}-db-1: {ship: ship2, command: sleep 3600, stop_timeout: 1}}
  ${p}-app:
    image: ${lab.image}
    requires: [${p}-db]
    instances:
      ${p}-app-1: {ship: ship1, command: sleep 3600, stop_timeout: 1}
      ${p}-app-2: {ship: ship1, command: sleep 3600, stop_timeout: 1}
`, {ships: 2, name: p})
  })

  after(async () => {
    await cli('kill', '-a')
    await cli('clean')
    rmSync(dirname(file), {recursive: true, force: true})
  })

  it('names a dependency that is not created, then one that is not running, and nothing with -d', async () => {
    const absent = await cli('start', `${p}-app`)
    expect(absent.code, absent.stderr).to.equal(0)
    expect(warnings(absent.stderr)).to.deep.equal([`warning: ${p}-app-1 depends on ${p}-db-1, which is not created; add -d to start it too`])

    expect((await cli('start', `${p}-db-1`)).code).to.equal(0)
    expect((await cli('stop', `${p}-db-1`)).code).to.equal(0)
    const stopped = await cli('start', `${p}-app-2`)
    expect(stopped.code, stopped.stderr).to.equal(0)
    expect(warnings(stopped.stderr)).to.deep.equal([`warning: ${p}-app-2 depends on ${p}-db-1, which is not running; add -d to start it too`])

    const all = await cli('start', '-d', `${p}-app-2`)
    expect(all.code, all.stderr).to.equal(0)
    expect(warnings(all.stderr)).to.deep.equal([])
    expect(all.stdout).to.match(new RegExp(`${p}-db-1 .* started\\n`))
    const running = await cli('start', `${p}-app-1`)
    expect(warnings(running.stderr), 'a running dependency is no warning').to.deep.equal([])
  })
})
