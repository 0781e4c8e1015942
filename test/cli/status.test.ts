import {expect} from 'chai'
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {maestro, tempProject} from '../helpers/cli.js'
import {OFFLINE_ZK_OMITTED_WEB} from '../helpers/fixtures.js'
import {compileSchema} from '../helpers/ajv.js'

describe('status of an unreachable ship (built binary)', function () {
  // each case spawns the built binary (~0.3-0.5 s a run, more on a loaded machine)
  this.timeout(60_000)
  let t: {dir: string; cleanup: () => void}
  before(() => (t = tempProject({'maestro.yaml': OFFLINE_ZK_OMITTED_WEB})))
  after(() => t.cleanup())

  it('bare `maestro` runs status: every container is `host down`, exit 0', async () => {
    const r = await maestro([], {cwd: t.dir})
    expect(r.code).to.equal(0)
    const lines = r.stdout.trimEnd().split('\n')
    expect(lines[0]).to.match(/^ {2}# {2}INSTANCE +SERVICE +SHIP +CONTAINER +STATUS$/)
    const rows = lines.filter((l) => /^\s+\d+ {2}/.test(l))
    expect(rows.map((l) => l.trim().split(/\s+/)[1])).to.deep.equal(['zk-1', 'web-1', 'web-2'])
    for (const row of rows) expect(row).to.match(/ {2}vm1 +- +host down$/)
    expect(lines.filter((l) => /^ship vm1 \(.*\) is unreachable: /.test(l)), 'the reason, once per ship').to.have.length(1)
    expect(r.stdout).not.to.match(/\x1b\[/)
  })

  it('shows the ship address with -H and filters with -C', async () => {
    const r = await maestro(['status', '-H', '-i', '-C', 'web-*'], {cwd: t.dir})
    expect(r.code).to.equal(0)
    const rows = r.stdout.split('\n').filter((l) => /^\s+\d+ {2}/.test(l))
    expect(rows).to.have.length(2)
    for (const row of rows) expect(row).to.match(/web-\d +web +127\.0\.0\.1 +- +host down$/)
  })

  it('writes the table to a file with --reporter console=FILE, keeping stdout empty', async () => {
    const r = await maestro(['status', '--reporter', 'console=out/status.txt'], {cwd: t.dir})
    expect(r.code).to.equal(0)
    expect(r.stdout).to.equal('')
    const text = readFileSync(join(t.dir, 'out/status.txt'), 'utf8')
    expect(text.split('\n').filter((l) => l.endsWith('host down'))).to.have.length(3)
  })

  it('--json: one valid document on stdout, every container unknown and the ship with its error, exit 0 as the table', async () => {
    const r = await maestro(['status', '--json', '-C', 'web-*'], {cwd: t.dir})
    expect(r.code, r.stderr).to.equal(0)
    const doc = JSON.parse(r.stdout) as {containers: {name: string; state: string}[]; unreachable: {ship: string; error: string}[]}
    const {validate} = compileSchema('schema/status.schema.json')
    expect(validate(doc), JSON.stringify(validate.errors)).to.equal(true)
    expect(doc.containers.map((c) => [c.name, c.state])).to.deep.equal([['web-1', 'unknown'], ['web-2', 'unknown']])
    expect(doc.unreachable).to.have.length(1)
    expect(doc.unreachable[0].ship).to.equal('vm1')
    expect(doc.unreachable[0].error).to.match(/^ship vm1 \(tcp:\/\/127\.0\.0\.1:1\) is unreachable: /)
  })

  it('refuses to start anything and exits 3', async () => {
    const r = await maestro(['-f', 'maestro.yaml', 'start'], {cwd: t.dir})
    expect(r.code).to.equal(3)
    expect(r.stderr.trim().split('\n').at(-1)).to.match(/^ERROR: ship vm1 .*unreachable/)
  })
})
