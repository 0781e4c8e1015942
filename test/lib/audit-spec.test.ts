import {expect} from 'chai'
import {join} from 'node:path'
import {openEnvironment, definePlugin, Tokens, isMaestroError, type NotifierFactory} from '../../src/index.js'
import {tempProject} from '../helpers/cli.js'

const FILE = `name: audited
ships:
  a: {ip: 127.0.0.1, docker_port: 1}
services:
  web:
    image: nginx
    instances: {web-1: {ship: a}}
audit:
  - type: jsonl
    path: out.jsonl
`

const seen: unknown[] = []
const jsonl: NotifierFactory = {
  type: 'jsonl',
  validate: (spec) => (typeof spec.path === 'string' ? [] : ['"path" is required']),
  create: (spec) => (seen.push(spec), {attach() {}}),
}
const plugin = definePlugin({name: 'jsonl', api: '^1.5.0', register: (ctx) => ctx.registry.register(Tokens.Notifier, {useValue: jsonl})})

describe('library: audit entries of plugin-provided types', () => {
  let t: {dir: string; cleanup: () => void}
  before(() => (t = tempProject({'maestro.yaml': FILE, 'bad.yaml': FILE.replace('    path: out.jsonl\n', '    file: out.jsonl\n')})))
  after(() => t.cleanup())

  it("give the notifier its spec with the entry's location", async () => {
    const s = await openEnvironment(join(t.dir, 'maestro.yaml'), {plugins: [plugin]})
    await s.close()
    expect(seen).to.have.length(1)
    expect(seen[0]).to.deep.include({type: 'jsonl', path: 'out.jsonl', level: 'info', ignoreErrors: false})
    expect(seen[0]).to.have.nested.property('loc.line', 9)
  })

  it("are checked by the notifier's validate() while the file is validated, located, exit 2", async () => {
    const e = await openEnvironment(join(t.dir, 'bad.yaml'), {plugins: [plugin]}).then(() => undefined, (x: unknown) => x)
    expect(isMaestroError(e) && e.exit).to.equal(2)
    expect(isMaestroError(e) ? e.issues.map((i) => `${i.loc?.line}:${i.loc?.column}: ${i.message}`) : []).to.deep.equal(['9:5: audit jsonl: "path" is required'])
  })
})
