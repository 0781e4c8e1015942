import {expect} from 'chai'
import {PassThrough} from 'node:stream'
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'
import {MaestroError, Tokens, bootPlugins, type PluginHarness, type ContainerRef, type MaestroPlugin, type ReporterContext} from '../../src/index.js'
import {EXAMPLE_PLUGIN_DIR, buildExamplePlugin} from '../helpers/example-plugin.js'

interface Hook {
  plugins(): Promise<MaestroPlugin[]>
}
interface Render {
  formatDuration(ms: number | undefined): string
}

const ref = (name: string, ship: string): ContainerRef => ({name, ship, service: name.replace(/-\d+$/, ''), image: 'img'})
const ZK = ref('zk-1', 'vm1')
const WEB = ref('web-1', 'vm2')
const API = ref('api|1', 'vm2')

async function reporterOn(kernel: PluginHarness): Promise<{out: PassThrough; text: () => string; done: () => Promise<void>}> {
  const factory = kernel.resolveAll(Tokens.Reporter).find((f) => f.name === 'markdown')
  expect(factory, 'the markdown reporter is registered').not.to.equal(undefined)
  const out = new PassThrough()
  let text = ''
  out.on('data', (d: Buffer) => (text += d.toString()))
  const context: ReporterContext = {out, target: 'summary.md', isTTY: false, color: false, progress: 'plain', columns: 0, options: {}, showHosts: false}
  const reporter = factory!.create(context)
  reporter.attach(kernel.events)
  return {out, text: () => text, done: async () => reporter.done?.()}
}

describe('example plugin: markdown summary reporter', function () {
  this.timeout(60_000)
  let hook: Hook
  let render: Render

  before(async () => {
    await buildExamplePlugin()
    hook = (await import(pathToFileURL(join(EXAMPLE_PLUGIN_DIR, 'dist', 'index.js')).href)) as Hook
    render = (await import(pathToFileURL(join(EXAMPLE_PLUGIN_DIR, 'dist', 'render.js')).href)) as Render
  })

  it('its hook returns one plugin for the running API', async () => {
    const list = await hook.plugins()
    expect(list.map((p) => [p.name, p.api])).to.deep.equal([['maestro-plugin-markdown-summary', '^1.0.0']])
  })

  it('writes a table of every container and a failures section at done()', async () => {
    const kernel = await bootPlugins(await hook.plugins())
    const r = await reporterOn(kernel)
    const base = {playId: 'p1', at: Date.UTC(2026, 0, 2, 3, 4, 5)}
    kernel.emit('play:start', {...base, command: 'start', containers: [ZK, WEB, API], concurrency: 3, ordered: true, direction: 'forward', environment: 'shop', user: 'alice'})
    kernel.emit('task:start', {...base, container: ZK, action: 'start', index: 0})
    kernel.emit('task:end', {...base, container: ZK, action: 'start', outcome: 'started', durationMs: 1520})
    kernel.emit('task:fail', {...base, container: WEB, action: 'start', error: new MaestroError('MAESTRO_ACTION_FAILED', 'port 80 is\nalready allocated'), durationMs: 40})
    kernel.emit('task:skip', {...base, container: API, action: 'start', reason: 'aborted'})
    kernel.emit('play:end', {...base, command: 'start', containers: [ZK, WEB, API], stats: {total: 3, succeeded: 1, failed: 1, skipped: 1, durationMs: 1600, outcomes: {}}, interrupted: false})
    expect(r.text(), 'nothing is written before done()').to.equal('')
    await r.done()
    expect(r.text()).to.equal([
      '# Maestro deployment summary',
      '',
      '## start — shop',
      '',
      '3 containers: 1 succeeded, 1 failed, 1 skipped in 1.6 s (by alice, started 2026-01-02T03:04:05.000Z)',
      '',
      '| Container | Ship | Action | Outcome | Duration |',
      '| --- | --- | --- | --- | --- |',
      '| zk-1 | vm1 | start | started | 1.5 s |',
      '| web-1 | vm2 | start | **failed** | 40 ms |',
      '| api\\|1 | vm2 | start | skipped (aborted) | – |',
      '',
      '### Failures',
      '',
      '- **web-1** on vm2 (start): port 80 is already allocated',
      '',
    ].join('\n'))
  })

  it('lists configuration errors with their file positions', async () => {
    const kernel = await bootPlugins(await hook.plugins())
    const r = await reporterOn(kernel)
    const error = new MaestroError('MAESTRO_CONFIG_INVALID', 'invalid', {issues: [
      {severity: 'error', message: "unknown ship 'vm9'", loc: {file: 'maestro.yaml', line: 7, column: 13}},
      {severity: 'warning', message: 'unknown key', loc: {file: 'maestro.yaml', line: 3, column: 1}},
    ]})
    kernel.emit('config:error', {file: 'maestro.yaml', error})
    await r.done()
    expect(r.text()).to.equal('# Maestro deployment summary\n\n## Configuration errors\n\n```\nmaestro.yaml:7:13: unknown ship \'vm9\'\n```\n')
  })

  it('says so when no container was acted on', async () => {
    const kernel = await bootPlugins(await hook.plugins())
    const r = await reporterOn(kernel)
    await r.done()
    expect(r.text()).to.equal('# Maestro deployment summary\n\nNo containers were acted on.\n')
  })

  it('formats durations for people', () => {
    expect([undefined, 0, 999, 1000, 12_340, 125_000].map(render.formatDuration)).to.deep.equal(['–', '0 ms', '999 ms', '1.0 s', '12.3 s', '2 min 5 s'])
  })
})
