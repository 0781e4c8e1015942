import {expect} from 'chai'
import {readFileSync, rmSync, writeFileSync} from 'node:fs'
import {dirname, join, relative} from 'node:path'
import {labShipsYaml, useLab, writeLabEnvironment, type Lab} from '../../helpers/lab.js'
import {maestro, type CliResult} from '../../helpers/cli.js'
import {buildExamplePlugin, offlineNpmEnv, packPlugin, pluginHome, TAP_PLUGIN_DIR, type PluginHome} from '../../helpers/example-plugin.js'

const PACKAGE = 'maestro-plugin-reporter-tap'
const UNTIL_EXIT = `lifecycle: {running: [{type: sleep, wait: 300}]}`

/** The TAP points of a report: `ok`/`not ok` lines, without their YAML blocks. */
const points = (tap: string) => tap.split('\n').filter((l) => /^(?:not )?ok \d+ /.test(l))

/**
 * The TAP example reporter as a user gets it: `npm pack`ed, installed from the tarball with the built binary into a
 * clean plugin home (offline), used for a passing play, a failing play and a start against an unreachable ship on
 * the lab, then uninstalled.
 */
describe('@e2e the packed TAP reporter example, installed and run on the lab', function () {
  this.timeout(180_000)
  let lab: Lab
  let file: string
  let unreachable: string
  let home: PluginHome
  const p = `tap${process.pid}`

  const cli = (args: string[]): Promise<CliResult> =>
    maestro(args, {cwd: dirname(file), env: offlineNpmEnv(home)})
  const read = (name: string) => readFileSync(join(dirname(file), name), 'utf8')

  before(async function () {
    lab = await useLab({ships: 1, context: this})
    file = writeLabEnvironment(lab, `services:
  ${p}:
    image: ${lab.image}
    instances: {${p}-1: {ship: ship1, command: sleep 3600, stop_timeout: 1}}
  ${p}bad:
    image: ${lab.image}
    instances: {${p}-bad-1: {ship: ship1, command: "sh -c 'echo no luck; exit 1'", stop_timeout: 1, ${UNTIL_EXIT}}}
  ${p}dep:
    image: ${lab.image}
    requires: [${p}bad]
    instances: {${p}-dep-1: {ship: ship1, command: sleep 3600, stop_timeout: 1}}
`, {ships: 1, name: p})
    // the lab's ship plus one nobody answers for (a closed loopback port)
    unreachable = join(dirname(file), 'unreachable.yaml')
    writeFileSync(unreachable, `name: ${p}u
${labShipsYaml(lab, {ships: 1})}  gone: {ip: 127.0.0.1, docker_port: 1, timeout: 2}
services:
  ${p}u:
    image: ${lab.image}
    instances:
      ${p}-u-1: {ship: ship1, command: sleep 3600, stop_timeout: 1}
      ${p}-u-2: {ship: gone, command: sleep 3600, stop_timeout: 1}
`)
    await buildExamplePlugin(TAP_PLUGIN_DIR)
    home = pluginHome()
    const tarball = await packPlugin(TAP_PLUGIN_DIR, dirname(file))
    const install = await cli(['plugins', 'install', `./${relative(dirname(file), tarball)}`])
    expect(install.code, install.stderr).to.equal(0)
    expect((await cli(['plugins'])).stdout).to.match(new RegExp(`^${PACKAGE} 1\\.0\\.0`, 'm'))
  })

  after(async () => {
    if (file) {
      await cli(['kill', '-a'])
      await cli(['clean'])
      rmSync(dirname(file), {recursive: true, force: true})
    }
    home?.cleanup()
  })

  it('a passing play: one ok point per container, the option --reporter-option tap.version=13 arrives', async () => {
    const r = await cli(['start', p, '--reporter', 'tap=ok.tap', '--reporter-option', 'tap.version=13'])
    expect(r.code, r.stderr).to.equal(0)
    const tap = read('ok.tap')
    expect(tap.split('\n').slice(0, 3)).to.deep.equal(['TAP version 13', `# start ${p} (1 container)`, '1..1'])
    expect(points(tap)).to.have.length(1)
    expect(points(tap)[0]).to.match(new RegExp(`^ok 1 - start ${p}-1 on ship1: (?:started|up for .*)$`))
  })

  it('a failing play: not ok with a YAML block for the container that exits 1, # SKIP for its dependent, exit 1', async () => {
    const r = await cli(['start', `${p}bad`, `${p}dep`, '--reporter', 'tap=fail.tap'])
    expect(r.code, r.stderr).to.equal(1)
    const tap = read('fail.tap')
    expect(tap.split('\n').slice(0, 3)).to.deep.equal(['TAP version 14', `# start ${p} (2 containers)`, '1..2'])
    expect(points(tap)).to.deep.equal([`not ok 1 - start ${p}-bad-1 on ship1`, `ok 2 - start ${p}-dep-1 on ship1 # SKIP aborted`])
    const yaml = tap.split('\n').slice(4, tap.split('\n').indexOf('  ...') + 1)
    expect(yaml[0]).to.equal('  ---')
    expect(yaml.find((l) => l.startsWith('  message: '))).to.match(/exit code 1/)
    expect(yaml).to.include.members(['  severity: "fail"', `  container: "${p}-bad-1"`, '  ship: "ship1"'])
  })

  it('a start against an unreachable ship: a not ok point (never 1..0) with the located error, exit 3', async () => {
    const r = await cli(['-f', unreachable, 'start', '--reporter', 'tap=gone.tap'])
    expect(r.code, r.stderr).to.equal(3)
    const tap = read('gone.tap')
    expect(tap).not.to.match(/^1\.\.0/m)
    expect(tap.split('\n').slice(0, 3)).to.deep.equal(['TAP version 14', '1..1', `not ok 1 - start ${p}u`])
    expect(tap, tap).to.match(/^ {2}message: "ship gone \(tcp:\/\/127\.0\.0\.1:1\) is unreachable: .*"$/m)
    expect(tap).to.contain('  code: "MAESTRO_SHIP_UNREACHABLE"')
    expect(tap, tap).to.contain('  at: "unreachable.yaml:4:3"') // the `gone:` ship
  })

  it('uninstalls', async () => {
    const un = await cli(['plugins', 'uninstall', PACKAGE])
    expect(un.code, un.stderr).to.equal(0)
    expect((await cli(['plugins'])).stdout.trim()).to.equal('No plugins installed.')
  })
})
