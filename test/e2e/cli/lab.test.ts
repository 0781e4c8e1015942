import {expect} from 'chai'
import {execFile} from 'node:child_process'
import {rmSync} from 'node:fs'
import {dirname} from 'node:path'
import {promisify} from 'node:util'
import {useLab, writeLabEnvironment, type Lab} from '../../helpers/lab.js'
import {maestro, type CliResult} from '../../helpers/cli.js'

const run = promisify(execFile)
const rows = (stdout: string) => stdout.split('\n').filter((l) => /^\s+\d+ {2}\S/.test(l))
const statusOf = (r: CliResult, name: string) => rows(r.stdout).find((l) => l.trim().split(/\s+/)[1] === name)

describe('@e2e maestro CLI on the lab', function () {
  this.timeout(120_000)
  let lab: Lab
  let file: string
  const p = `cli${process.pid}`
  const cli = (...args: string[]) => maestro(['-f', file, ...args])
  const docker = (ship: number, ...args: string[]) => run('docker', ['-H', `unix://${lab.ships[ship]!.socket}`, ...args])

  before(async function () {
    lab = await useLab({ships: 2, context: this})
    file = writeLabEnvironment(lab, `services:
  ${p}-db:
    image: ${lab.image}
    instances: {${p}-db-1: {ship: ship1, command: sleep 3600, stop_timeout: 1}}
  ${p}-app:
    image: ${lab.image}
    requires: [${p}-db]
    env: {ROLE: app}
    instances: {${p}-app-1: {ship: ship2, command: sleep 3600, stop_timeout: 1}}
`, {ships: 2, name: p})
  })

  after(async () => {
    await cli('kill', '-a')
    await cli('clean')
    rmSync(dirname(file), {recursive: true, force: true})
  })

  it('start creates the containers in order, a second start leaves them up, status shows them running', async () => {
    const first = await cli('start')
    expect(first.code, first.stderr).to.equal(0)
    expect(statusOf(first, `${p}-db-1`)).to.match(/ latest:[0-9a-f]{7} +started$/)
    expect(statusOf(first, `${p}-app-1`)).to.match(/ ship2 +latest:[0-9a-f]{7} +started$/)
    const {stdout: env} = await docker(1, 'inspect', '-f', '{{range .Config.Env}}{{println .}}{{end}}', `${p}-app-1`)
    const expected = (await cli('env', `${p}-app-1`)).stdout.trim().split('\n').sort()
    expect(env.trim().split('\n').filter((l) => expected.some((e) => e.split('=')[0] === l.split('=')[0])).sort()).to.deep.equal(expected)

    const again = await cli('start')
    expect(again.code, again.stderr).to.equal(0)
    for (const n of ['db-1', 'app-1']) expect(statusOf(again, `${p}-${n}`)).to.match(/ up for \S+/)

    const status = await cli('status')
    expect(status.code).to.equal(0)
    for (const n of ['db-1', 'app-1']) expect(statusOf(status, `${p}-${n}`)).to.match(/ running for \S+/)
    expect(await cli('plan')).to.include({code: 0})
  })

  it('stop needs -a or things, stops dependents first, then clean removes', async () => {
    expect((await cli('stop')).code).to.equal(2)
    const stop = await cli('stop', '-a')
    expect(stop.code, stop.stderr).to.equal(0)
    for (const n of ['db-1', 'app-1']) expect(statusOf(stop, `${p}-${n}`)).to.match(/ stopped$/)
    const {stdout: finished} = await docker(0, 'inspect', '-f', '{{.State.FinishedAt}}', `${p}-db-1`)
    const {stdout: appFinished} = await docker(1, 'inspect', '-f', '{{.State.FinishedAt}}', `${p}-app-1`)
    expect(Date.parse(appFinished.trim())).to.be.at.most(Date.parse(finished.trim()))

    const status = await cli('status')
    for (const n of ['db-1', 'app-1']) expect(statusOf(status, `${p}-${n}`)).to.match(/ down for \S+/)
    const clean = await cli('clean')
    expect(clean.code, clean.stderr).to.equal(0)
    for (const n of ['db-1', 'app-1']) expect(statusOf(clean, `${p}-${n}`)).to.match(/ removed$/)
    const after = await cli('status')
    for (const n of ['db-1', 'app-1']) expect(statusOf(after, `${p}-${n}`)).to.match(/ +- +absent$/)
  })
})
