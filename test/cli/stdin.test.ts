import {expect} from 'chai'
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {maestro, type CliOptions} from '../helpers/cli.js'
import type {FleetConfig} from './fake-fleet-plugin.js'
import {SHOP, SHOP_IMAGES} from '../helpers/fixtures.js'
import {fakeFleetOptions, linkFakeFleet} from '../helpers/fake-fleet-cli.js'

const RUNNING: FleetConfig['running'] = [
  {ship: 'a', name: 'db-1', image: 'postgres:16'},
  {ship: 'a', name: 'app-1', image: 'app:1'},
]

describe('standard input is never THINGS (built binary, fake fleet)', function () {
  this.timeout(120_000)
  let dir: string
  const opts = (input: string, elsewhere = false): CliOptions => {
    const base = fakeFleetOptions(dir, {ships: ['a', 'b'], images: SHOP_IMAGES, running: RUNNING})
    return {...base, input, ...(elsewhere ? {cwd: tmpdir()} : {})}
  }

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'maestro-stdin-'))
    writeFileSync(join(dir, 'maestro.yaml'), SHOP)
    linkFakeFleet(dir)
  })
  after(() => rmSync(dir, {recursive: true, force: true}))

  for (const command of ['stop', 'status', 'plan', 'dump', 'deptree', 'kill']) {
    it(`\`echo db-1 | maestro ${command}\` acts on what \`maestro ${command}\` does with stdin empty`, async () => {
      const closed = await maestro([command], opts(''))
      const piped = await maestro([command], opts('db-1\n'))
      const strip = (s: string) => s.replace(/in \d+\.\ds/g, '').replace(/\b\d+:\S{7}\b/g, 'ID')
      expect(piped.code, piped.stderr).to.equal(closed.code)
      expect(strip(piped.stdout)).to.equal(strip(closed.stdout))
    })
  }

  it('`echo db-1 | maestro stop` stops nothing: no THINGS were named', async () => {
    const r = await maestro(['stop'], opts('db-1\n'))
    expect(r.code).to.equal(2)
    expect(r.stderr).to.contain('stop needs the containers to act on')
    expect(r.stdout).to.not.contain('db-1')
  })

  const viaStdin: readonly (readonly string[])[] = [['status'], ['plan'], ['validate'], ['env', 'db-1'], ['dump'], ['deptree'], ['start']]
  for (const args of viaStdin) {
    it(`\`cat maestro.yaml | maestro -f - ${args.join(' ')}\` reads the file from stdin`, async () => {
      const r = await maestro(['-f', '-', ...args], opts(SHOP, true))
      expect(r.stderr).to.not.match(/ERROR/)
      expect(r.code, r.stderr).to.be.oneOf(args[0] === 'plan' ? [0, 2] : [0])
      if (args[0] === 'env') expect(r.stdout).to.contain('CONTAINER_NAME=db-1')
      else if (args[0] === 'deptree') expect(r.stdout).to.match(/^db$/m)
      else if (args[0] !== 'validate') expect(r.stdout).to.contain('db-1')
    })
  }
})
