import {expect} from 'chai'
import {maestro} from '../helpers/cli.js'
import {pluginPackage, pluginProject, type PluginProject} from '../helpers/example-plugin.js'
import {OFFLINE_ZK} from '../helpers/fixtures.js'

const HOOK = `import {definePlugin, Tokens} from 'maestro-ng/plugin'
export const plugins = async () => [definePlugin({
  name: 'echo-options',
  api: '^1.0.0',
  register(ctx) {
    ctx.registry.register(Tokens.Reporter, {useValue: {name: 'echo', create: ({out, options}) => ({
      attach() {},
      async done() { out.write(JSON.stringify(options) + '\\n') },
    })}})
  },
})]
`

describe('--reporter-option reaches the reporter (built binary, linked plugin)', function () {
  this.timeout(60_000)
  let p: PluginProject

  before(async () => {
    p = pluginProject({'maestro.yaml': OFFLINE_ZK})
    const dir = pluginPackage(p.home.dir, 'maestro-plugin-echo', {'index.js': HOOK})
    const link = await maestro(['plugins', 'link', dir, '--no-install'], {env: p.home.env})
    expect(link.code, link.stderr).to.equal(0)
  })
  after(() => p.cleanup())

  it('gives each reporter its own options as ReporterContext.options', async () => {
    const r = await p.run(['status', '--reporter', 'echo', '--reporter-option', 'echo.title=CI run', '--reporter-option', 'echo.verbose=true'])
    expect(r.code, r.stderr).to.equal(0)
    expect(r.stdout).to.equal('{"title":"CI run","verbose":"true"}\n')
    expect((await p.run(['status', '--reporter', 'echo'])).stdout).to.equal('{}\n')
  })

  it('refuses an option for a reporter that is not selected: one ERROR line, exit 2', async () => {
    const r = await p.run(['status', '--reporter', 'echo', '--reporter-option', 'junit.suite=x'])
    expect(r.code).to.equal(2)
    expect(r.stderr.trim()).to.equal('ERROR: --reporter-option junit.suite: no --reporter junit is selected')
  })
})
