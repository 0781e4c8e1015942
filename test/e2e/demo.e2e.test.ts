import {expect} from 'chai'
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {useLab, type Lab} from '../helpers/lab.js'
import {maestro, projectRoot, type CliResult} from '../helpers/cli.js'

const rows = (r: CliResult): string[] => r.stdout.split('\n').filter((l) => /^\s+\d+ {2}\S/.test(l))
const CONTAINERS = ['db-1', 'cache-1', 'api-1', 'api-2', 'web-1', 'web-2']

/** The README's main job (`npm run demo`) deploys examples/lab.yaml on lab 0; here the same file runs on the test lab. */
describe('the demo environment examples/lab.yaml on the lab @e2e', function () {
  this.timeout(90_000)
  let lab: Lab
  let dir: string
  let file: string
  const cli = (...args: string[]) => maestro(['-f', file, ...args])

  before(async function () {
    lab = await useLab({ships: 3, context: this})
    dir = mkdtempSync(join(tmpdir(), 'maestro-demo-'))
    file = join(dir, 'lab.yaml')
    const prefix = lab.ships[0]!.ip.replace(/\.\d+$/, '.')
    const text = readFileSync(join(projectRoot, 'examples/lab.yaml'), 'utf8')
    expect(text).to.contain('ip: 10.231.0.{{ 10 + i }}')
    writeFileSync(file, text.replace('ip: 10.231.0.', `ip: ${prefix}`))
  })

  after(async () => {
    if (!file) return
    await cli('kill', '-a')
    await cli('clean')
    rmSync(dir, {recursive: true, force: true})
  })

  it('starts every container across the three ships, checks passing, then status shows them running', async () => {
    const start = await cli('start')
    expect(start.code, start.stdout + start.stderr).to.equal(0)
    expect(rows(start).map((l) => l.trim().split(/\s+/)[1]).sort()).to.deep.equal([...CONTAINERS].sort())
    for (const row of rows(start)) expect(row).to.match(/ started$/)
    expect(start.stdout.trim().split('\n').at(-1)).to.match(/^6 started, 0 failed in \d+\.\ds$/)
    const status = await cli('status')
    expect(status.code).to.equal(0)
    for (const row of rows(status)) expect(row).to.match(/ running for \S+( ports \S+(, \S+)*)?$/)
    const page = await fetch(`http://${lab.ships[0]!.ip}:18000/`)
    expect(await page.text()).to.equal('hello from web-1\n')
  })
})
