import {expect} from 'chai'
import {maestro} from '../helpers/cli.js'
import {pluginPackage, pluginProject, type PluginProject} from '../helpers/example-plugin.js'
import {OFFLINE_ZK} from '../helpers/fixtures.js'

/** Prints, when the play ends, the options its register() was given. */
const HOOK = `import {definePlugin} from 'maestro-ng/plugin'
export const plugins = async () => [definePlugin({
  name: 'echo-plugin-options',
  api: '^1.5.0',
  validateOptions: (o) => (o.mode === undefined || o.mode === 'fast' || o.mode === 'slow' ? [] : [{key: 'mode', message: 'must be fast or slow, got ' + JSON.stringify(o.mode)}]),
  register(ctx) {
    const options = ctx.options
    ctx.events.on('play:end', () => process.stdout.write(JSON.stringify(options) + '\\n'))
  },
})]
`

const BLOCK = `plugins:
  echo-plugin-options:
    mode: '{{ env.MODE | default("fast") }}'
    retries: 3
`

describe('ctx.options from the file and --plugin-option (built binary, linked plugin)', function () {
  this.timeout(60_000)
  let p: PluginProject

  before(async () => {
    p = pluginProject({'maestro.yaml': `${OFFLINE_ZK}${BLOCK}`, 'bad.yaml': `${OFFLINE_ZK}${BLOCK.replace(/mode: .*/, 'mode: turbo')}`, 'plain.yaml': OFFLINE_ZK})
    const dir = pluginPackage(p.home.dir, 'maestro-plugin-echo-options', {'index.js': HOOK})
    const link = await maestro(['plugins', 'link', dir, '--no-install'], {env: p.home.env})
    expect(link.code, link.stderr).to.equal(0)
  })
  after(() => p.cleanup())

  it("gives register() the file's templated block, with --plugin-option over it key by key", async () => {
    const r = await p.run(['status', '--reporter', 'json=/dev/null'])
    expect(r.code, r.stderr).to.equal(0)
    expect(r.stderr).to.equal('')
    expect(r.stdout).to.equal('{"mode":"fast","retries":3}\n')
    const over = await p.run(['status', '--reporter', 'json=/dev/null', '--plugin-option', 'echo-plugin-options.retries=7', '--plugin-option', 'echo-plugin-options.extra=x y'])
    expect(over.code, over.stderr).to.equal(0)
    expect(over.stdout).to.equal('{"mode":"fast","retries":"7","extra":"x y"}\n')
  })

  it('gives --plugin-option alone when the file has no block', async () => {
    const r = await p.run(['-f', 'plain.yaml', 'status', '--reporter', 'json=/dev/null', '--plugin-option', 'echo-plugin-options.mode=slow'])
    expect(r.code, r.stderr).to.equal(0)
    expect(r.stdout).to.equal('{"mode":"slow"}\n')
  })

  it("reports the plugin's rejection at the key in the file: validate exits 2 with file:line:col", async () => {
    const r = await p.run(['-f', 'bad.yaml', 'validate'])
    expect(r.code).to.equal(2)
    expect(r.stderr).to.match(/^\S*bad\.yaml:10:5: plugins\.echo-plugin-options\.mode: must be fast or slow, got "turbo"$/m)
    expect(r.stderr).not.to.match(/\n\s+at /)
  })

  it('refuses an invalid --plugin-option before reading the file, and a malformed one, with one ERROR line, exit 2', async () => {
    const bad = await p.run(['-f', 'plain.yaml', 'status', '--plugin-option', 'echo-plugin-options.mode=turbo'])
    expect(bad.code).to.equal(2)
    expect(bad.stderr.trim()).to.equal('ERROR: plugins.echo-plugin-options.mode: must be fast or slow, got "turbo"')
    const malformed = await p.run(['status', '--plugin-option', 'nodot'])
    expect(malformed.code).to.equal(2)
    expect(malformed.stderr.trim()).to.equal("ERROR: --plugin-option wants NAME.KEY=VALUE, got 'nodot'")
  })
})
