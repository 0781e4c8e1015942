import {expect} from 'chai'
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {spawn} from 'node:child_process'
import {binPath, maestro, spawnMaestro, type CliOptions} from '../helpers/cli.js'
import type {FleetConfig} from './fake-fleet-plugin.js'
import {SHOP, SHOP_IMAGES} from '../helpers/fixtures.js'
import {fakeFleetOptions, linkFakeFleet} from '../helpers/fake-fleet-cli.js'

const rows = (stdout: string) => stdout.split('\n').filter((l) => /^\s+\d+ {2}\S/.test(l))

describe('Docker commands through a fake fleet plugin (built binary)', function () {
  // each case spawns the built binary (~0.3-0.5 s a run, more on a loaded machine)
  this.timeout(60_000)
  let dir: string
  const run = (fleet: Omit<FleetConfig, 'ships'> = {images: SHOP_IMAGES}): CliOptions => fakeFleetOptions(dir, {ships: ['a', 'b'], ...fleet})
  const cli = (args: string[], fleet?: Omit<FleetConfig, 'ships'>) => maestro(args, run(fleet))

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'maestro-play-'))
    writeFileSync(join(dir, 'maestro.yaml'), SHOP)
    linkFakeFleet(dir)
  })
  after(() => rmSync(dir, {recursive: true, force: true}))

  it('start logs each change with a timestamp, then prints the upstream table, numbered in list order, and a summary', async () => {
    const r = await cli(['start'])
    expect(r.code, r.stderr).to.equal(0)
    const lines = r.stdout.split('\n')
    const header = lines.findIndex((l) => /^ {2}# {2}INSTANCE +SERVICE +SHIP +CONTAINER +STATUS$/.test(l))
    expect(header, r.stdout).to.be.greaterThan(0)
    for (const l of lines.slice(0, header)) expect(l).to.match(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z (db-1|app-1|app-2): +\S/)
    expect(lines.slice(0, header).some((l) => / app-2: +started \(\d+\.\ds\)$/.test(l)), r.stdout).to.equal(true)
    expect(rows(r.stdout).map((l) => l.trim().split(/\s+/).slice(0, 4).join(' '))).to.have.members(['1 db-1 db a', '2 app-1 app a', '3 app-2 app b'])
    for (const row of rows(r.stdout)) expect(row).to.match(/ (16|1):\S{7} +started$/)
    expect(r.stdout.trim().split('\n').at(-1)).to.match(/^3 started, 0 failed in \d+\.\ds$/)
  })

  it('status shows running containers and `host down` for a down ship, exit 0', async () => {
    const r = await cli(['status'], {images: SHOP_IMAGES, down: ['b'], running: [{ship: 'a', name: 'db-1', image: 'postgres:16'}]})
    expect(r.code, r.stderr).to.equal(0)
    const byName = Object.fromEntries(rows(r.stdout).map((l) => [l.trim().split(/\s+/)[1], l]))
    expect(byName['db-1']).to.match(/ (running|up)\b/)
    expect(byName['app-1']).to.match(/ +- +absent$/)
    expect(byName['app-2']).to.match(/ +host down$/)
  })

  it('bare `maestro` is status; -H shows ship addresses', async () => {
    const bare = await cli([], {images: SHOP_IMAGES, running: [{ship: 'b', name: 'app-2', image: 'app:1'}]})
    expect(bare.code, bare.stderr).to.equal(0)
    const byName = Object.fromEntries(rows(bare.stdout).map((l) => [l.trim().split(/\s+/)[1], l]))
    expect(byName['db-1']).to.match(/ +- +absent$/)
    expect(byName['app-1']).to.match(/ +- +absent$/)
    expect(byName['app-2']).to.match(/ 1:\S{7} +(running|up) for \S+$/)
    const hosts = await cli(['status', '-H'])
    expect(rows(hosts.stdout).map((l) => l.trim().split(/\s+/)[3])).to.have.members(['127.0.0.11', '127.0.0.11', '127.0.0.12'])
  })

  it('--progress tty redraws with ANSI codes; colour only without NO_COLOR and --no-color', async () => {
    const opts = (env: Record<string, string | undefined>) => ({...run(), env: {...run().env, ...env}})
    const coloured = await maestro(['start', '--progress', 'tty'], opts({NO_COLOR: undefined}))
    expect(coloured.stdout).to.match(/\x1b\[\d+A/)
    expect(coloured.stdout).to.contain('\x1b[32mstarted (')
    for (const r of [await maestro(['start', '--progress', 'tty'], opts({NO_COLOR: '1'})), await maestro(['start', '--progress', 'tty', '--no-color'], opts({NO_COLOR: undefined}))]) {
      expect(r.stdout).to.match(/\x1b\[\d+A/)
      expect(r.stdout).not.to.match(/\x1b\[\d+m/)
    }
    const plain = await maestro(['start', '--progress', 'plain'], opts({NO_COLOR: undefined}))
    expect(plain.stdout).not.to.match(/\x1b/)
  })

  it('--progress auto redraws on a real terminal, and prints plain lines without ANSI codes with NO_COLOR or off a terminal', async () => {
    // `script` gives the binary a pseudo-terminal as stdout
    const onPty = (env: Record<string, string | undefined>) => new Promise<{code: number | null; out: string}>((resolve, reject) => {
      const o = run()
      const merged: Record<string, string | undefined> = {...process.env, ...o.env, MAESTRO_FILE: undefined, ...env}
      for (const k of Object.keys(merged)) if (merged[k] === undefined) delete merged[k]
      const child = spawn('script', ['-qec', `${JSON.stringify(process.execPath)} ${JSON.stringify(binPath)} start`, '/dev/null'], {cwd: dir, env: merged as NodeJS.ProcessEnv})
      let out = ''
      child.stdout.on('data', (d: Buffer) => (out += d.toString()))
      child.on('error', reject)
      child.on('close', (code) => resolve({code, out}))
      child.stdin.end()
    })
    const tty = await onPty({NO_COLOR: undefined})
    expect(tty.code, tty.out).to.equal(0)
    expect(tty.out).to.match(/\x1b\[\d+A/)
    expect(tty.out).to.contain('\x1b[32mstarted (')
    const noColor = await onPty({NO_COLOR: '1'})
    expect(noColor.code, noColor.out).to.equal(0)
    expect(noColor.out).to.match(/ started\r?\n/)
    expect(noColor.out).not.to.match(/\x1b/)
    const piped = await maestro(['start'], {...run(), env: {...run().env, NO_COLOR: undefined}})
    expect(piped.stdout).to.match(/ started\n/)
    expect(piped.stdout).not.to.match(/\x1b/)
  })

  it('selects with things, -d, -i, -C, -S, -s as reference §1 says', async () => {
    const names = async (...args: string[]) => {
      const r = await cli(args, {images: SHOP_IMAGES, running: [{ship: 'a', name: 'db-1', image: 'postgres:16'}, {ship: 'a', name: 'app-1', image: 'app:1'}, {ship: 'b', name: 'app-2', image: 'app:1'}]})
      expect(r.code, r.stderr).to.equal(0)
      return rows(r.stdout).map((l) => l.trim().split(/\s+/)[1]).sort()
    }
    expect(await names('status', 'app-1')).to.deep.equal(['app-1'])
    expect(await names('status', '-d', 'app-1')).to.deep.equal(['app-1', 'db-1'])
    expect(await names('status', 'app')).to.deep.equal(['app-1', 'app-2'])
    expect(await names('status', '-i', '-C', 'app-*')).to.deep.equal(['app-1', 'app-2'])
    expect(await names('status', '-S', 'b')).to.deep.equal(['app-2'])
    expect(await names('stop', '-s', 'app')).to.deep.equal(['app-1', 'app-2'])
    expect(await names('stop', '-d', 'db-1')).to.deep.equal(['app-1', 'app-2', 'db-1'])
    const service = await cli(['stop', 'app'])
    expect(service.code).to.equal(2)
    expect(service.stderr.trim()).to.equal('ERROR: app is a service: stop of a service needs -s (--expand-services), or name its containers (app-1, app-2)')
  })

  it('a failing container fails the play: failed!, one ERROR line, exit 1', async () => {
    const r = await cli(['start'], {images: SHOP_IMAGES, fail: {call: 'createContainer', arg: 'app-2', message: 'disk full'}})
    expect(r.code).to.equal(1)
    expect(rows(r.stdout).find((l) => l.includes('app-2'))).to.match(/failed!$/)
    // the reason once, under the table; the ERROR line names the container
    expect(r.stdout).to.match(/^app-2: .*disk full$/m)
    expect(r.stderr.trim().split('\n').at(-1)).to.equal('ERROR: start failed for 1 container: app-2 (reason above)')
    expect(r.stderr).not.to.match(/\n\s+at /)
  })

  it('start refuses to change anything when a ship is down, exit 3', async () => {
    const r = await cli(['start'], {images: SHOP_IMAGES, down: ['b']})
    expect(r.code).to.equal(3)
    expect(r.stderr.trim().split('\n').at(-1)).to.match(/^ERROR: ship b .*unreachable/)
  })

  it('stop without things or -a is a usage error, exit 2', async () => {
    const r = await cli(['stop'])
    expect(r.code).to.equal(2)
    expect(r.stderr.trim()).to.equal('ERROR: stop needs the containers to act on (services with -s), or -a for everything')
  })

  it('plan --detailed-exitcode exits 4 when something would change, 0 when nothing would, and --json keeps stdout pure', async () => {
    const changes = await cli(['plan', '--detailed-exitcode'])
    expect(changes.code).to.equal(4)
    expect(changes.stdout).to.match(/^db-1 +a +create +absent$/m)
    const plain = await cli(['plan'])
    expect([plain.code, plain.stdout]).to.deep.equal([0, changes.stdout])
    const json = await cli(['plan', '--json'])
    const parsed = JSON.parse(json.stdout) as {changes: boolean; steps: {container: string; action: string}[]}
    expect(parsed.changes).to.equal(true)
    expect(parsed.steps.map((s) => s.action)).to.deep.equal(['create', 'create', 'create'])
    const running = ['db-1', 'app-1'].map((name) => ({ship: 'a', name, image: name === 'db-1' ? 'postgres:16' : 'app:1'}))
    const none = await cli(['plan', '--detailed-exitcode'], {images: SHOP_IMAGES, running: [...running, {ship: 'b', name: 'app-2', image: 'app:1'}]})
    expect(none.code, none.stdout + none.stderr).to.equal(0)
  })

  it('plan --detailed-exitcode never exits 4 on an error: bad flag 2, unreachable ship 3', async () => {
    const flag = await cli(['plan', '--detailed-exitcode', '--nope'])
    expect(flag.code).to.equal(2)
    const down = await cli(['plan', '--detailed-exitcode'], {images: SHOP_IMAGES, down: ['b']})
    expect(down.code, down.stderr).to.equal(3)
  })

  it("attaches the file's audit notifiers, and rejects unknown audit types at their location", async () => {
    writeFileSync(join(dir, 'audited.yaml'), `${SHOP}audit:\n  - {type: log, file: ${join(dir, 'audit.log')}}\n`)
    const r = await cli(['-f', 'audited.yaml', 'start'])
    expect(r.code, r.stderr).to.equal(0)
    const log = readFileSync(join(dir, 'audit.log'), 'utf8')
    expect(log).to.match(/INFO: .*starting db-1, app-1, app-2/)
    expect(log).to.match(/INFO: Start of db-1, app-1, app-2 succeeded/)
    writeFileSync(join(dir, 'pigeon.yaml'), `${SHOP}audit:\n  - {type: carrier-pigeon}\n`)
    const bad = await cli(['-f', 'pigeon.yaml', 'validate'])
    expect(bad.code).to.equal(2)
    expect(bad.stderr).to.match(/pigeon\.yaml:14:\d+: unknown audit type 'carrier-pigeon' \(available: .*log.*\)/)
  })

  it('Ctrl-C lets actions in flight finish, skips the rest and exits 130', async () => {
    const p = spawnMaestro(['start', '-c', '1'], run({images: SHOP_IMAGES, latencyMs: 300}))
    await p.sawOutput('starting...')
    p.child.kill('SIGINT')
    const r = await p.done
    expect(r.code).to.equal(130)
    expect(r.stdout).to.match(/ skipped \(interrupted\)$/m)
    expect(r.stdout).to.match(/ \d+ skipped in .* \(interrupted\)$/m)
    expect(r.stderr).to.match(/interrupted/)
  })

  it('--timeout stops the play as Ctrl-C does, and exits 1', async () => {
    // -c 1 and 300 ms per Docker call: the play needs several seconds, the timeout is 1 s
    const r = await maestro(['start', '-c', '1', '--timeout', '1', '--reporter', 'console', '--reporter', 'json'], run({images: SHOP_IMAGES, latencyMs: 300}))
    expect(r.code, r.stderr).to.equal(1)
    expect(r.stderr).to.include('timed out after 1 s (--timeout): finishing actions in flight')
    expect(r.stdout).to.match(/ skipped \(timed out after 1 s\)$/m)
    const end = r.stdout.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as {event: string; error?: {code: string}}).find((e) => e.event === 'play:end')
    expect(end?.error?.code).to.equal('MAESTRO_TIMEOUT')
  })

  it('--timeout also bounds a command waiting outside a play (here: for the file on stdin)', async () => {
    const r = await maestro(['-f', '-', 'validate', '--timeout', '1'], {...run(), keepStdinOpen: true})
    expect(r.code).to.equal(1)
    expect(r.stderr).to.include('timed out after 1 s')
  })

  it('Ctrl-C outside a play (here: waiting for the file on stdin) quits at once with 130', async () => {
    const p = spawnMaestro(['-f', '-', 'validate', '--debug'], {...run(), keepStdinOpen: true})
    await new Promise<void>((resolve) => {
      let err = ''
      p.child.stderr.on('data', (d: Buffer) => ((err += d.toString()), err.includes('reading the environment file from stdin') && resolve()))
    })
    p.child.kill('SIGINT')
    const r = await p.done
    expect(r.code).to.equal(130)
    expect(r.stdout).to.equal('')
  })
})
