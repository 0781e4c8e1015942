import {expect} from 'chai'
import {cpSync, existsSync, readFileSync, rmSync} from 'node:fs'
import {basename, dirname, join, relative} from 'node:path'
import {useLab, writeLabEnvironment, type Lab} from '../../helpers/lab.js'
import {maestro, type CliResult} from '../../helpers/cli.js'
import {buildExamplePlugin, EXAMPLE_PLUGIN_DIR, offlineNpmEnv, packPlugin, pluginHome, type PluginHome} from '../../helpers/example-plugin.js'

const PACKAGE = 'maestro-plugin-markdown-summary'

/**
 * The example plugin as a user gets it: `npm pack`ed, installed with the built binary into a clean plugin home
 * (npm offline: maestro-ng is not published, and nothing may need the registry), used in a play on the lab,
 * uninstalled. The installed copy has no maestro-ng of its own: it runs on the host's.
 */
describe('@e2e `maestro plugins install` of the packed example plugin, run on the lab', function () {
  this.timeout(180_000)
  let lab: Lab
  let file: string
  let home: PluginHome
  let tarball: string
  let folder: string
  const p = `pi${process.pid}`

  const cli = (args: string[]): Promise<CliResult> =>
    maestro(args, {cwd: dirname(file), env: offlineNpmEnv(home)})

  before(async function () {
    lab = await useLab({ships: 1, context: this})
    file = writeLabEnvironment(lab, `services:
  ${p}:
    image: ${lab.image}
    instances: {${p}-1: {ship: ship1, command: sleep 3600, stop_timeout: 1}}
`, {ships: 1, name: p})
    await buildExamplePlugin()
    home = pluginHome()
    tarball = await packPlugin(EXAMPLE_PLUGIN_DIR, dirname(file))
    // a folder with only what the package ships (no node_modules, so no maestro-ng to fall back on)
    folder = join(dirname(file), 'plugin-folder')
    for (const f of ['package.json', 'dist']) cpSync(join(EXAMPLE_PLUGIN_DIR, f), join(folder, f), {recursive: true})
  })

  after(async () => {
    if (file) {
      await cli(['kill', '-a'])
      await cli(['clean'])
      rmSync(dirname(file), {recursive: true, force: true})
    }
    home?.cleanup()
  })

  const installRunUninstall = async (source: string) => {
    const install = await cli(['plugins', 'install', source])
    expect(install.code, install.stderr).to.equal(0)
    expect((await cli(['plugins'])).stdout).to.match(new RegExp(`^${PACKAGE} 1\\.0\\.0`, 'm'))
    const installed = join(home.env.MAESTRO_DATA_DIR, 'node_modules', PACKAGE)
    expect(existsSync(join(installed, 'node_modules', 'maestro-ng')), 'a copy of maestro-ng next to the plugin').to.equal(false)
    expect(existsSync(join(home.env.MAESTRO_DATA_DIR, 'node_modules', 'maestro-ng')), 'a copy of maestro-ng in the plugin home').to.equal(false)

    const summary = join(dirname(file), `${basename(source).replace(/\W/g, '_')}.md`)
    const start = await cli(['start', '--reporter', `markdown=${summary}`])
    expect(start.code, start.stderr).to.equal(0)
    const md = readFileSync(summary, 'utf8')
    expect(md).to.contain(`## start — ${p}`)
    expect(md).to.match(new RegExp(`^\\| ${p}-1 \\| ship1 \\| start \\| (?:started|up for \\S+.*) \\|`, 'm'))
    expect((await cli(['summary-hello'])).stdout).to.contain(`${PACKAGE} is installed`)

    const un = await cli(['plugins', 'uninstall', PACKAGE])
    expect(un.code, un.stderr).to.equal(0)
    expect((await cli(['plugins'])).stdout.trim()).to.equal('No plugins installed.')
  }

  it('installs ./x.tgz (relative), runs a play with its reporter, uninstalls', async () => {
    await installRunUninstall(`./${relative(dirname(file), tarball)}`)
  })

  it('installs /abs/x.tgz', async () => {
    await installRunUninstall(tarball)
  })

  it('installs ./folder', async () => {
    await installRunUninstall('./plugin-folder')
  })

  it('installs file:x.tgz', async () => {
    await installRunUninstall(`file:${relative(dirname(file), tarball)}`)
  })
})
