import {expect} from 'chai'
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {spawn} from 'node:child_process'
import {binPath, maestro} from '../helpers/cli.js'
import {SHOP, SHOP_IMAGES} from '../helpers/fixtures.js'
import {fakeFleetOptions, linkFakeFleet} from '../helpers/fake-fleet-cli.js'

/** `plan` as a person reads it: markers (and colour) on a terminal, the same text without them in a pipe. */
describe('plan on a terminal (built binary, fake fleet)', function () {
  this.timeout(60_000)
  let dir: string
  const options = () => fakeFleetOptions(dir, {ships: ['a', 'b'], images: SHOP_IMAGES})

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'maestro-plan-view-'))
    writeFileSync(join(dir, 'maestro.yaml'), SHOP)
    linkFakeFleet(dir)
  })
  after(() => rmSync(dir, {recursive: true, force: true}))

  // `script` gives the binary a pseudo-terminal as stdout
  const onPty = (args: string, env: Record<string, string | undefined>) => new Promise<string>((resolve, reject) => {
    const o = options()
    const merged: Record<string, string | undefined> = {...process.env, ...o.env, MAESTRO_FILE: undefined, ...env}
    for (const k of Object.keys(merged)) if (merged[k] === undefined) delete merged[k]
    const child = spawn('script', ['-qec', `${JSON.stringify(process.execPath)} ${JSON.stringify(binPath)} ${args}`, '/dev/null'], {cwd: dir, env: merged as NodeJS.ProcessEnv})
    let out = ''
    child.stdout.on('data', (d: Buffer) => (out += d.toString()))
    child.on('error', reject)
    child.on('close', () => resolve(out.replace(/\r\n/g, '\n')))
    child.stdin.end()
  })

  it('marks each container to create with + on a terminal, in green unless NO_COLOR or --no-color', async () => {
    const coloured = await onPty('plan', {NO_COLOR: undefined})
    expect(coloured).to.match(/^\x1b\[32m\+ {2}\x1b\[0m db-1 /m)
    for (const out of [await onPty('plan', {NO_COLOR: '1'}), await onPty('plan --no-color', {NO_COLOR: undefined})]) {
      expect(out).not.to.match(/\x1b/)
      expect(out).to.match(/^\+ {3}db-1 +a +create +absent$/m)
    }
  })

  it('prints no markers and no ANSI codes in a pipe', async () => {
    const r = await maestro(['plan'], {...options(), env: {...options().env, NO_COLOR: undefined}})
    expect(r.stdout).not.to.match(/\x1b/)
    expect(r.stdout).to.match(/^db-1 +a +create +absent$/m)
  })
})
