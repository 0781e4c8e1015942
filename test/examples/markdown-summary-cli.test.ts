import {expect} from 'chai'
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {maestro, projectRoot} from '../helpers/cli.js'
import {buildExamplePlugin, EXAMPLE_PLUGIN_DIR, pluginProject, type PluginProject} from '../helpers/example-plugin.js'
import {OFFLINE_ZK_WEB} from '../helpers/fixtures.js'

describe('example plugin linked with `maestro plugins link` (built binary)', function () {
  this.timeout(60_000)
  let p: PluginProject
  const run = (args: string[]) => p.run(args)

  before(async () => {
    await buildExamplePlugin()
    p = pluginProject({'maestro.yaml': OFFLINE_ZK_WEB})
  })
  after(() => p.cleanup())

  it('links the package and lists it', async () => {
    const link = await maestro(['plugins', 'link', 'examples/plugin-markdown-summary', '--no-install'], {cwd: projectRoot, env: p.home.env})
    expect(link.code, link.stderr).to.equal(0)
    const list = await run(['plugins'])
    expect(list.code).to.equal(0)
    expect(list.stdout.trim()).to.equal(`maestro-plugin-markdown-summary 1.0.0 (link) ${EXAMPLE_PLUGIN_DIR}`)
    const json = JSON.parse(readFileSync(join(p.home.env.MAESTRO_DATA_DIR, 'package.json'), 'utf8')) as {oclif: {plugins: {name: string; type: string}[]}}
    expect(json.oclif.plugins.map((p) => `${p.name} ${p.type}`)).to.deep.equal(['maestro-plugin-markdown-summary link'])
  })

  it('adds its command to the CLI', async () => {
    const r = await run(['summary-hello'])
    expect(r.code).to.equal(0)
    expect(r.stdout).to.equal('maestro-plugin-markdown-summary is installed: add --reporter markdown=FILE to any maestro command\n')
    const help = await run(['--help'])
    expect(help.stdout).to.match(/^ {2}summary-hello +Say how to get a Markdown deployment summary$/m)
  })

  it('writes the Markdown summary of `status` with --reporter markdown=FILE', async () => {
    const r = await run(['status', '--reporter', 'markdown=out/summary.md'])
    expect(r.code, r.stderr).to.equal(0)
    expect(r.stderr).not.to.match(/warning/i)
    const md = readFileSync(join(p.dir, 'out/summary.md'), 'utf8')
    expect(md.split('\n').slice(0, 3)).to.deep.equal(['# Maestro deployment summary', '', '## status — offline'])
    expect(md).to.match(/^2 containers: 2 succeeded, 0 failed, 0 skipped in \d+(?:\.\d)? m?s \(by .+, started \d{4}-\d\d-\d\dT/m)
    const table = md.split('\n').filter((l) => l.startsWith('|'))
    expect(table.slice(0, 2)).to.deep.equal(['| Container | Ship | Action | Outcome | Duration |', '| --- | --- | --- | --- | --- |'])
    expect(table.slice(2).map((l) => l.replace(/\| [^|]+ \|$/, '|'))).to.deep.equal(['| zk-1 | vm1 | status | host down |', '| web-1 | vm1 | status | host down |'])
    expect(md).not.to.contain('### Failures')
  })

  it('combines with the console reporter', async () => {
    const r = await run(['status', '--reporter', 'console', '--reporter', 'markdown=both.md'])
    expect(r.code).to.equal(0)
    expect(r.stdout.split('\n').filter((l) => l.endsWith('host down'))).to.have.length(2)
    expect(readFileSync(join(p.dir, 'both.md'), 'utf8')).to.contain('| zk-1 | vm1 | status | host down |')
  })

  it('is gone after `maestro plugins uninstall`', async () => {
    const un = await run(['plugins', 'uninstall', 'maestro-plugin-markdown-summary'])
    expect(un.code, un.stderr).to.equal(0)
    expect((await run(['plugins'])).stdout.trim()).to.equal('No plugins installed.')
    const r = await run(['status', '--reporter', 'markdown=x.md'])
    expect(r.code).to.equal(2)
    expect(r.stderr.trim().split('\n').at(-1)).to.match(/^ERROR: unknown reporter markdown \(available: .*console.*\)$/)
  })
})
