import {expect} from 'chai'
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {maestro} from '../helpers/cli.js'
import {pluginPackage, pluginProject, type PluginProject} from '../helpers/example-plugin.js'
import {OFFLINE_ZK_TWICE} from '../helpers/fixtures.js'

const HOOK = `import {definePlugin, Tokens} from 'maestro-ng/plugin'
export const plugins = async () => [definePlugin({
  name: 'count-reporter',
  api: '^1.0.0',
  register(ctx) {
    ctx.registry.register(Tokens.Reporter, {useValue: {name: 'count', create: ({out}) => {
      let n = 0
      return {attach(events) { events.on('task:end', () => void n++) }, async done() { out.write('count: ' + n + '\\n') }}
    }}})
  },
})]
`

describe('`maestro plugins install` from a local folder, npm offline (built binary)', function () {
  this.timeout(120_000)
  let project: PluginProject
  let env: Record<string, string>
  const run = (args: string[]) => maestro(args, {cwd: project.dir, env})

  before(() => {
    project = pluginProject({'maestro.yaml': OFFLINE_ZK_TWICE})
    // npm must never reach a registry from a test: offline, no update check.
    env = {...project.home.env, npm_config_offline: 'true', npm_config_update_notifier: 'false', npm_config_cache: join(project.home.dir, 'npm-cache')}
    pluginPackage(project.home.dir, 'maestro-plugin-count', {'index.js': HOOK}, {version: '2.3.4', files: ['index.js'], linkMaestro: true})
  })
  after(() => project.cleanup())

  it('installs the package as a user plugin, lists it, uses it, and uninstalls it', async () => {
    const dir = join(project.home.dir, 'maestro-plugin-count')
    const install = await run(['plugins', 'install', `file:${dir}`])
    expect(install.code, install.stderr).to.equal(0)
    const list = await run(['plugins'])
    expect(list.stdout.trim()).to.equal('maestro-plugin-count 2.3.4')
    const pjson = JSON.parse(readFileSync(join(project.home.env.MAESTRO_DATA_DIR, 'package.json'), 'utf8')) as {oclif: {plugins: {name: string; type: string}[]}}
    expect(pjson.oclif.plugins.map((p) => `${p.name} ${p.type}`)).to.deep.equal(['maestro-plugin-count user'])

    const status = await run(['status', '--reporter', 'count'])
    expect(status.code, status.stderr).to.equal(0)
    expect(status.stdout).to.equal('count: 2\n')

    const un = await run(['plugins', 'uninstall', 'maestro-plugin-count'])
    expect(un.code, un.stderr).to.equal(0)
    expect((await run(['plugins'])).stdout.trim()).to.equal('No plugins installed.')
  })
})

describe('`maestro plugins install` refuses what Maestro cannot use (built binary, npm offline)', function () {
  this.timeout(120_000)
  let project: PluginProject
  let env: Record<string, string>
  const run = (args: string[]) => maestro(args, {cwd: project.dir, env})

  before(() => {
    project = pluginProject({'maestro.yaml': OFFLINE_ZK_TWICE})
    env = {...project.home.env, npm_config_offline: 'true', npm_config_update_notifier: 'false', npm_config_cache: join(project.home.dir, 'npm-cache')}
    const plain = join(project.dir, 'plain')
    mkdirSync(plain)
    writeFileSync(join(plain, 'package.json'), JSON.stringify({name: 'plain-package', version: '1.0.0'}))
    pluginPackage(project.dir, 'maestro-plugin-future', {
      'index.js': `import {definePlugin} from 'maestro-ng/plugin'\nexport const plugins = async () => [definePlugin({name: 'future', api: '^2.0.0', register() {}})]\n`,
    })
  })
  after(() => project.cleanup())

  it('a package without the maestro:plugins hook: one ERROR line, exit 2, nothing installed', async () => {
    const r = await run(['plugins', 'install', './plain'])
    expect(r.code).to.equal(2)
    expect(r.stderr.trim().split('\n').filter((l) => l.startsWith('ERROR:'))).to.deep.equal([
      'ERROR: plain-package is not a Maestro plugin: its package.json declares no oclif.hooks["maestro:plugins"] (see docs/plugins.md)',
    ])
    expect((await run(['plugins'])).stdout.trim()).to.equal('No plugins installed.')
  })

  it('a plugin for another API major: named with both versions, exit 2, uninstalled again', async () => {
    const r = await run(['plugins', 'install', './maestro-plugin-future'])
    expect(r.code).to.equal(2)
    expect(r.stderr).to.match(/^ERROR: maestro-plugin-future was not installed: plugin future \(from maestro-plugin-future\) needs plugin API \^2\.0\.0, but this Maestro provides 1\.\d+\.\d+; skipped$/m)
    expect((await run(['plugins'])).stdout.trim()).to.equal('No plugins installed.')
  })
})
