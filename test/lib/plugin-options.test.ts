import {expect} from 'chai'
import {join} from 'node:path'
import {openEnvironment, definePlugin, Tokens, isMaestroError, type MaestroPlugin} from '../../src/index.js'
import {tempProject} from '../helpers/cli.js'

const FILE = `name: shop
ships:
  a: {ip: 127.0.0.1, docker_port: 1}
plugins:
  probe:
    greeting: '{{ env.GREETING }}'
    check: probe-ready
    retries: 2
services:
  web:
    image: nginx
    lifecycle:
      running: [{type: probe-ready}]
    instances: {web-1: {ship: a}}
`

/** Records what register() saw, and registers the check type its options name (so a file can only use it once configured). */
function probe(seen: Record<string, unknown>[]): MaestroPlugin {
  return definePlugin({
    name: 'probe',
    api: '^1.5.0',
    validateOptions: (o) => (o.retries === undefined || Number.isInteger(Number(o.retries)) ? [] : [{key: 'retries', message: `must be a whole number, got ${JSON.stringify(o.retries)}`}]),
    register(ctx) {
      seen.push({...ctx.options})
      if (typeof ctx.options.check === 'string') ctx.registry.register(Tokens.Check, {useValue: {type: ctx.options.check, run: async () => {}}})
    },
  })
}

describe('library: plugin options (ctx.options)', () => {
  let t: {dir: string; cleanup: () => void}
  before(() => (t = tempProject({
    'maestro.yaml': FILE,
    'bad.yaml': FILE.replace('retries: 2', 'retries: many'),
    'none.yaml': FILE.replace(/plugins:\n(    .*\n|  probe:\n)+/, '').replace(/    lifecycle:\n.*\n/, ''),
  })))
  after(() => t.cleanup())

  it("gives register() the file's block, templated, with the library's pluginOptions over it, before the file is validated", async () => {
    const seen: Record<string, unknown>[] = []
    const s = await openEnvironment(join(t.dir, 'maestro.yaml'), {plugins: [probe(seen)], env: {GREETING: 'hola'}, pluginOptions: {probe: {retries: 5}}})
    try {
      expect(seen.at(-1)).to.deep.equal({greeting: 'hola', check: 'probe-ready', retries: 5})
      expect(s.environment.containers['web-1']!.lifecycle.running).to.deep.equal([{type: 'probe-ready'}])
      expect(s.problems).to.deep.equal([])
    } finally {
      await s.close()
    }
  })

  it('registers a plugin once when the file has no block for it, with the library options', async () => {
    const seen: Record<string, unknown>[] = []
    const s = await openEnvironment(join(t.dir, 'none.yaml'), {plugins: [probe(seen)], pluginOptions: {probe: {retries: 1}}})
    await s.close()
    expect(seen).to.deep.equal([{retries: 1}])
  })

  it("reports the plugin's option problems at their key in the file with the file's other problems, exit 2", async () => {
    const seen: Record<string, unknown>[] = []
    const error = await openEnvironment(join(t.dir, 'bad.yaml'), {plugins: [probe(seen)]}).then(() => undefined, (e: unknown) => e)
    expect(isMaestroError(error) && error.exit).to.equal(2)
    const issues = isMaestroError(error) ? error.issues.map((i) => `${i.loc?.line}:${i.loc?.column}: ${i.message}`) : []
    expect(issues).to.deep.equal([
      `8:5: plugins.probe.retries: must be a whole number, got "many"`,
      // the plugin is left as booted (without the file's block), so the type it would add is not known either
      `13:24: services.web: unknown lifecycle check type 'probe-ready' (known: tcp, http, exec, rexec, sleep)`,
    ])
  })

  it('refuses invalid library options before any file is read: one unlocated problem, exit 2', async () => {
    const error = await openEnvironment(join(t.dir, 'none.yaml'), {plugins: [probe([])], pluginOptions: {probe: {retries: 'x'}}}).then(() => undefined, (e: unknown) => e)
    expect(isMaestroError(error) && error.exit).to.equal(2)
    expect(isMaestroError(error) && error.message).to.equal('plugins.probe.retries: must be a whole number, got "x"')
  })
})
