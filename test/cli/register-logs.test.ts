import {expect} from 'chai'
import {maestro} from '../helpers/cli.js'
import {pluginPackage, pluginProject, type PluginProject} from '../helpers/example-plugin.js'
import {OFFLINE_ZK} from '../helpers/fixtures.js'

const HOOK = `import {definePlugin} from 'maestro-ng/plugin'
export const plugins = async () => [definePlugin({
  name: 'chatty',
  api: '^1.0.0',
  register(ctx) {
    ctx.log.info('chatty registered')
  },
})]
`

describe('ctx.log during register() reaches the reporters (built binary, linked plugin)', function () {
  this.timeout(60_000)
  let p: PluginProject

  before(async () => {
    p = pluginProject({'maestro.yaml': OFFLINE_ZK})
    const dir = pluginPackage(p.home.dir, 'maestro-plugin-chatty', {'index.js': HOOK})
    const link = await maestro(['plugins', 'link', dir, '--no-install'], {env: p.home.env})
    expect(link.code, link.stderr).to.equal(0)
  })
  after(() => p.cleanup())

  for (const command of ['status', 'validate']) {
    it(`${command}: the json reporter, attached after plugins registered, prints the log event once`, async () => {
      const r = await p.run([command, '--reporter', 'json'])
      expect(r.code, r.stderr).to.equal(0)
      const logs = r.stdout.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Record<string, unknown>).filter((e) => e.event === 'log')
      expect(logs.map((e) => [e.level, e.source, e.message])).to.deep.equal([['info', 'chatty', 'chatty registered']])
    })
  }
})
