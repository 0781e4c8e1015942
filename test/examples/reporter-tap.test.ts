import {expect} from 'chai'
import {PassThrough} from 'node:stream'
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'
import {MaestroError, Tokens, bootPlugins, type PluginHarness, type ContainerRef, type MaestroPlugin, type ReporterContext} from '../../src/index.js'
import {TAP_PLUGIN_DIR, buildExamplePlugin} from '../helpers/example-plugin.js'

interface Hook {
  plugins(): Promise<MaestroPlugin[]>
}

const ref = (name: string, ship: string): ContainerRef => ({name, ship, service: name.replace(/-\d+$/, ''), image: 'img'})
const ZK = ref('zk-1', 'vm1')
const WEB = ref('web#1', 'vm2')
const API = ref('api-1', 'vm2')

async function reporterOn(kernel: PluginHarness, options: Record<string, unknown> = {}): Promise<{text: () => string; done: () => Promise<void>}> {
  const factory = kernel.resolveAll(Tokens.Reporter).find((f) => f.name === 'tap')
  expect(factory, 'the tap reporter is registered').not.to.equal(undefined)
  const out = new PassThrough()
  let text = ''
  out.on('data', (d: Buffer) => (text += d.toString()))
  const context: ReporterContext = {out, isTTY: false, color: false, progress: 'plain', columns: 0, options, showHosts: false}
  const reporter = factory!.create(context)
  reporter.attach(kernel.events)
  return {text: () => text, done: async () => reporter.done?.()}
}

describe('example plugin: TAP reporter', function () {
  this.timeout(60_000)
  let hook: Hook
  const base = {playId: 'p1', at: Date.UTC(2026, 0, 2, 3, 4, 5)}

  before(async () => {
    await buildExamplePlugin(TAP_PLUGIN_DIR)
    hook = (await import(pathToFileURL(join(TAP_PLUGIN_DIR, 'dist', 'index.js')).href)) as Hook
  })

  it('its hook returns one plugin for the running API', async () => {
    const list = await hook.plugins()
    expect(list.map((p) => [p.name, p.api])).to.deep.equal([['maestro-plugin-reporter-tap', '^1.0.0']])
  })

  it('writes a point per container action: ok, not ok with a YAML block, # SKIP', async () => {
    const kernel = await bootPlugins(await hook.plugins())
    const r = await reporterOn(kernel)
    kernel.emit('play:start', {...base, command: 'start', containers: [ZK, WEB, API], concurrency: 3, ordered: true, direction: 'forward', environment: 'shop', user: 'alice'})
    kernel.emit('task:end', {...base, container: ZK, action: 'start', outcome: 'started', durationMs: 1520})
    kernel.emit('task:fail', {...base, container: WEB, action: 'start', error: new MaestroError('MAESTRO_ACTION_FAILED', 'exited with code 1: "boom"\nbye'), durationMs: 40})
    kernel.emit('task:skip', {...base, container: API, action: 'start', reason: 'aborted'})
    kernel.emit('play:end', {...base, command: 'start', containers: [ZK, WEB, API], stats: {total: 3, succeeded: 1, failed: 1, skipped: 1, durationMs: 1600, outcomes: {}}, interrupted: false})
    expect(r.text(), 'nothing is written before done()').to.equal('')
    await r.done()
    expect(r.text()).to.equal([
      'TAP version 14',
      '# start shop (3 containers)',
      '1..3',
      'ok 1 - start zk-1 on vm1: started',
      'not ok 2 - start web\\#1 on vm2',
      '  ---',
      '  message: "exited with code 1: \\"boom\\"\\nbye"',
      '  severity: "fail"',
      '  code: "MAESTRO_ACTION_FAILED"',
      '  container: "web#1"',
      '  ship: "vm2"',
      '  duration_ms: 40',
      '  ...',
      'ok 3 - start api-1 on vm2 # SKIP aborted',
      '',
    ].join('\n'))
  })

  it('turns a failure before any play (play:error) into a not ok point, never 1..0', async () => {
    const kernel = await bootPlugins(await hook.plugins())
    const r = await reporterOn(kernel)
    const error = new MaestroError('MAESTRO_SHIP_UNREACHABLE', 'ship vm1 (10.0.0.1:2375) is unreachable', {loc: {file: 'shop.yaml', line: 3, column: 5}})
    kernel.emit('play:error', {command: 'start', environment: 'shop', error, at: base.at})
    await r.done()
    expect(r.text()).to.equal([
      'TAP version 14',
      '1..1',
      'not ok 1 - start shop',
      '  ---',
      '  message: "ship vm1 (10.0.0.1:2375) is unreachable"',
      '  severity: "fail"',
      '  code: "MAESTRO_SHIP_UNREACHABLE"',
      '  at: "shop.yaml:3:5"',
      '  ...',
      '',
    ].join('\n'))
  })

  it('reports a play error no container carried (e.g. --timeout) as its own not ok point', async () => {
    const kernel = await bootPlugins(await hook.plugins())
    const r = await reporterOn(kernel, {comments: 'false'})
    kernel.emit('play:start', {...base, command: 'stop', containers: [ZK], concurrency: 1, ordered: true, direction: 'reverse', environment: 'shop', user: 'alice'})
    kernel.emit('task:end', {...base, container: ZK, action: 'stop', outcome: 'stopped', durationMs: 5})
    const error = new MaestroError('MAESTRO_TIMEOUT', 'the command ran out of time')
    kernel.emit('play:end', {...base, command: 'stop', containers: [ZK], stats: {total: 1, succeeded: 1, failed: 0, skipped: 0, durationMs: 9, outcomes: {}}, error, interrupted: false})
    await r.done()
    expect(r.text().split('\n').slice(0, 4)).to.deep.equal(['TAP version 14', '1..2', 'ok 1 - stop zk-1 on vm1: stopped', 'not ok 2 - stop'])
  })

  it('takes its options from the reporter context: version 13, no comments; refuses another version', async () => {
    const kernel = await bootPlugins(await hook.plugins())
    const r = await reporterOn(kernel, {version: '13', comments: 'false'})
    kernel.emit('play:start', {...base, command: 'start', containers: [ZK], concurrency: 1, ordered: true, direction: 'forward', environment: 'shop', user: 'alice'})
    kernel.emit('task:end', {...base, container: ZK, action: 'start', outcome: 'started', durationMs: 5})
    kernel.emit('play:end', {...base, command: 'start', containers: [ZK], stats: {total: 1, succeeded: 1, failed: 0, skipped: 0, durationMs: 9, outcomes: {}}, interrupted: false})
    await r.done()
    expect(r.text()).to.equal('TAP version 13\n1..1\nok 1 - start zk-1 on vm1: started\n')
    await expectRejected(reporterOn(await bootPlugins(await hook.plugins()), {version: '12'}), /version must be 13 or 14, not "12"/)
  })
})

async function expectRejected(promise: Promise<unknown>, pattern: RegExp): Promise<void> {
  let caught: unknown
  await promise.catch((e: unknown) => (caught = e))
  expect(String(caught)).to.match(pattern)
}
