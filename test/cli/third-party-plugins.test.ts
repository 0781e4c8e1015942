import {expect} from 'chai'
import {join} from 'node:path'
import {buildExamplePlugin, EXAMPLE_PLUGIN_DIR, pluginPackage, pluginProject, type PluginProject} from '../helpers/example-plugin.js'
import {OFFLINE_ZK} from '../helpers/fixtures.js'

describe('broken third-party plugins linked with `maestro plugins link` (built binary)', function () {
  this.timeout(60_000)
  let p: PluginProject
  const run = (args: string[]) => p.run(args)

  before(async () => {
    await buildExamplePlugin()
    p = pluginProject({'maestro.yaml': OFFLINE_ZK})
    const packages = [
      pluginPackage(p.home.dir, 'maestro-plugin-throws', {'index.js': "throw new Error('kaboom while loading')\n"}, {version: '0.0.1'}),
      pluginPackage(p.home.dir, 'maestro-plugin-future', {'index.js': "export const plugins = async () => [{name: 'future', api: '^2.0.0', register() {}}]\n"}, {version: '0.0.1'}),
      pluginPackage(p.home.dir, 'maestro-plugin-unbuilt', {}, {version: '0.0.1', hook: './dist/index.js'}),
      pluginPackage(p.home.dir, 'maestro-plugin-noexport', {'index.js': 'export const other = 1\n'}, {version: '0.0.1'}),
      EXAMPLE_PLUGIN_DIR,
    ]
    for (const p of packages) {
      const r = await run(['plugins', 'link', p, '--no-install'])
      expect(r.code, r.stderr).to.equal(0)
    }
  })
  after(() => p.cleanup())

  it('lists every linked package', async () => {
    const r = await run(['plugins'])
    expect(r.code).to.equal(0)
    expect(r.stdout.trim().split('\n').map((l) => l.split(' ')[0]).sort()).to.deep.equal([
      'maestro-plugin-future', 'maestro-plugin-markdown-summary', 'maestro-plugin-noexport', 'maestro-plugin-throws', 'maestro-plugin-unbuilt',
    ])
  })

  it('reports each broken plugin as one stderr line; status still works and the good plugin too', async () => {
    const r = await run(['status', '--reporter', 'console', '--reporter', 'markdown=summary.md'])
    expect(r.code, r.stderr).to.equal(0)
    expect(r.stdout.split('\n').filter((l) => /^\s+1 {2}zk-1 .* host down$/.test(l))).to.have.length(1)
    const lines = r.stderr.trim().split('\n').sort()
    expect(lines).to.deep.equal([
      'warning: plugin future (from maestro-plugin-future) needs plugin API ^2.0.0, but this Maestro provides 1.3.0; skipped',
      'warning: plugin maestro-plugin-noexport declares the maestro:plugins hook but ./index.js (export plugins) exports no such function; skipped',
      'warning: plugin maestro-plugin-throws failed to load and was skipped: kaboom while loading',
      `warning: plugin maestro-plugin-unbuilt failed to load and was skipped: cannot find module ${join(p.home.dir, 'maestro-plugin-unbuilt', 'dist', 'index.js')} (is the package built and are its dependencies installed?)`,
    ])
    const {readFileSync} = await import('node:fs')
    expect(readFileSync(join(p.dir, 'summary.md'), 'utf8')).to.contain('| zk-1 | vm1 | status | host down |')
  })

  it('keeps offline commands and plugin commands working', async () => {
    const v = await run(['validate'])
    expect(v.code).to.equal(0)
    expect(v.stdout.trim()).to.equal('✓ 1 service, 1 container on 1 ship')
    const hello = await run(['summary-hello'])
    expect(hello.code).to.equal(0)
  })
})
