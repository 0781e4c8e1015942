import {expect} from 'chai'
import {existsSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {dirname, join} from 'node:path'
import {useLab, writeLabEnvironment, type Lab} from '../../helpers/lab.js'
import {maestro, spawnMaestro} from '../../helpers/cli.js'

const STAMP = '\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z'

/** `--progress plain` on the lab: a timestamped line per state change, printed while the play still runs. */
describe('@e2e plain progress through the CLI on the lab', function () {
  this.timeout(120_000)
  let lab: Lab
  let file: string
  let gate: string
  const p = `prog${process.pid}`
  const cli = (...args: string[]) => maestro(['-f', file, ...args])

  before(async function () {
    lab = await useLab({ships: 1, context: this})
    const dir = mkdtempSync(join(tmpdir(), 'maestro-progress-'))
    gate = join(dir, 'gate')
    // the running check passes once the test opens the gate: the play is provably still running before that
    file = writeLabEnvironment(lab, `services:
  ${p}-db:
    image: ${lab.image}
    instances: {${p}-db-1: {ship: ship1, command: sleep 3600, stop_timeout: 1}}
  ${p}-app:
    image: ${lab.image}
    requires: [${p}-db]
    instances:
      ${p}-app-1:
        ship: ship1
        command: sleep 3600
        stop_timeout: 1
        lifecycle: {running: [{type: exec, command: 'test -e ${gate}', attempts: 120}]}
`, {ships: 1, name: p, dir})
  })

  after(async () => {
    await cli('kill', '-a')
    await cli('clean')
    rmSync(dirname(file), {recursive: true, force: true})
  })

  it('logs each state change with a timestamp as it happens, then the table', async () => {
    const run = spawnMaestro(['-f', file, 'start', '--progress', 'plain'])
    await run.sawOutput(`${p}-app-1: running check exec...`)
    expect(existsSync(gate)).to.equal(false)
    writeFileSync(gate, '')
    const r = await run.done
    expect(r.code, r.stderr).to.equal(0)
    const lines = r.stdout.split('\n')
    const header = lines.findIndex((l) => /^ {2}# {2}INSTANCE/.test(l))
    const log = lines.slice(0, header)
    for (const l of log) expect(l).to.match(new RegExp(`^${STAMP} ${p}-(db|app)-1: +\\S`))
    const of = (name: string) => log.filter((l) => l.includes(`${name}:`)).map((l) => l.replace(/^\S+ \S+ +/, ''))
    const app = of(`${p}-app-1`)
    expect(app[0]).to.equal(`waiting for ${p}-db-1...`)
    expect(app).to.include.members(['starting...', 'creating...', 'running check exec...'])
    expect(app.filter((s) => s === 'running check exec...'), 'attempts of one check are one line').to.have.length(1)
    expect(app.at(-1)).to.match(/^started \(\d+\.\ds\)$/)
    expect(of(`${p}-db-1`).at(-1)).to.match(/^started \(\d+\.\ds\)$/)
    const stamps = log.map((l) => Date.parse(l.split(' ')[0]!))
    expect(stamps).to.deep.equal([...stamps].sort((a, b) => a - b))
    expect(lines.slice(header + 1, header + 3).map((l) => l.trim().split(/\s+/)[1])).to.deep.equal([`${p}-db-1`, `${p}-app-1`])
    expect(r.stdout.trim().split('\n').at(-1)).to.match(/^2 started, 0 failed in \d+\.\ds$/)
  })
})
