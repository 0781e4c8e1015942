import {expect} from 'chai'
import {Kernel} from '../../src/kernel/kernel.js'
import {definePlugin} from '../../src/api/plugin.js'
import {Tokens} from '../../src/api/tokens.js'
import {isMaestroError, type MaestroError} from '../../src/api/errors.js'
import type {ConfigLoader, LoadedDocument} from '../../src/api/contracts.js'
import type {ConfigFailed, ConfigLoaded} from '../../src/api/events.js'
import {loadEnvironment} from '../../src/model/load.js'
import {normalizeEnvironment} from '../../src/model/normalize.js'
import {yamlDocument} from '../helpers/yaml-doc.js'

const GOOD = 'name: e\nships: {s: {ip: h}}\nservices:\n  web: {image: nginx, instances: {web-1: {ship: s, envfile: a.env, foo: 1}}}\n'
const BAD = 'ships: {s: {}}\nservices:\n  web: {instances: {web-1: {ship: t, envfile: missing.env}}}\n'

async function bootWith(texts: Record<string, string>): Promise<Kernel> {
  const loader: ConfigLoader = {
    name: 'test-yaml',
    canLoad: (file) => file === '-' || file.endsWith('.yaml'),
    load: async (file, options) => yamlDocument(file === '-' ? (options.stdin ?? '') : texts[file], file === '-' ? '<stdin>' : file, '/env'),
  }
  return Kernel.boot({plugins: [definePlugin({name: 'test-loader', api: '^1.0.0', register: (ctx) => ctx.registry.register(Tokens.Loader, {useValue: loader})})]})
}

const read = (p: string): string => {
  if (p === '/env/a.env') return 'A=1\n'
  throw Object.assign(new Error('ENOENT'), {code: 'ENOENT'})
}

describe('loadEnvironment', () => {
  it('loads through the loader plugin, returns warnings and emits config:loaded', async () => {
    const kernel = await bootWith({'/env/good.yaml': GOOD})
    const seen: ConfigLoaded[] = []
    kernel.bus.on('config:loaded', (e) => void seen.push(e))
    const loaded = await loadEnvironment(kernel, '/env/good.yaml', {env: {}, readFile: read})
    expect(loaded.environment.containers['web-1'].envfiles).to.deep.equal(['a.env'])
    expect(loaded.warnings.map((w) => w.message)).to.deep.equal(["unknown key 'foo' in instance web-1 (ignored)"])
    expect(loaded.document.file).to.equal('/env/good.yaml')
    expect(seen.map((e) => e.file)).to.deep.equal(['/env/good.yaml'])
  })

  it('reads stdin for -', async () => {
    const kernel = await bootWith({})
    const loaded = await loadEnvironment(kernel, '-', {env: {}, stdin: GOOD.replace(', envfile: a.env', '')})
    expect(loaded.environment.file).to.equal('<stdin>')
  })

  it('throws one config error carrying every issue (exit 2) and emits config:error', async () => {
    const kernel = await bootWith({'/env/bad.yaml': BAD})
    const failed: ConfigFailed[] = []
    kernel.bus.on('config:error', (e) => void failed.push(e))
    let error: MaestroError | undefined
    try {
      await loadEnvironment(kernel, '/env/bad.yaml', {env: {}, readFile: read, checkTypes: ['tcp']})
    } catch (e) {
      if (isMaestroError(e)) error = e
    }
    expect(error?.code).to.equal('MAESTRO_CONFIG_INVALID')
    expect(error?.exit).to.equal(2)
    expect(error?.issues.map((i) => i.message)).to.deep.equal([
      "environment name is missing ('name')",
      "ships.s: ship has no 'ip'",
      "services.web: service has no 'image'",
      "services.web.instances.web-1: unknown ship 't' (did you mean 's'?)",
      'services.web.instances.web-1: envfile missing.env: no such file',
    ])
    expect(failed.map((e) => e.error)).to.deep.equal([error])
  })

  it('fails with MAESTRO_NO_PROVIDER when no loader accepts the file', async () => {
    const kernel = await bootWith({})
    const error = await loadEnvironment(kernel, '/env/x.json', {env: {}}).catch((e: MaestroError) => e)
    expect((error as MaestroError).code).to.equal('MAESTRO_NO_PROVIDER')
  })
})

describe('normalizeEnvironment (templated documents)', () => {
  it('shows the rendered line with each issue', () => {
    const doc: LoadedDocument = {...yamlDocument('name: e\nships: {s: {ip: h}}\nservices:\n  web: {image: nginx, instances: {web-1: {ship: x}}}\n'), templated: true}
    const [issue] = normalizeEnvironment(doc).issues
    expect(issue.sourceLine).to.equal('  web: {image: nginx, instances: {web-1: {ship: x}}}')
    expect(issue.loc).to.deep.equal({file: '/env/maestro.yaml', line: 4, column: 49})
    expect(issue.path).to.equal('services.web.instances.web-1.ship')
  })

  it('reports an empty document', () => {
    expect(normalizeEnvironment(yamlDocument('')).issues.map((i) => i.message)).to.deep.equal(['the file is empty'])
  })
})

describe('loadEnvironment (with the YAML loader plugin)', () => {
  it('locates problems in templated files at the rendered line and shows it', async () => {
    const {mkdtempSync, writeFileSync, rmSync} = await import('node:fs')
    const {tmpdir} = await import('node:os')
    const {join} = await import('node:path')
    const dir = mkdtempSync(join(tmpdir(), 'maestro-model-'))
    try {
      const file = join(dir, 'maestro.yaml')
      writeFileSync(file, [
        'name: {{ env.NAME }}',
        'ships: {s: {ip: 10.0.0.1}}',
        'services:',
        '  web:',
        '    image: nginx',
        '    instances:',
        '{% for i in range(2) %}',
        '      web-{{ i }}: {ship: s{{ i }}}',
        '{% endfor %}',
        '',
      ].join('\n'))
      const {default: loaderPlugin} = await import('../../plugins/loader-yaml/index.js')
      const kernel = await Kernel.boot({plugins: [loaderPlugin]})
      const error = (await loadEnvironment(kernel, file, {env: {NAME: 'tmpl'}}).catch((e: MaestroError) => e)) as MaestroError
      expect(error.issues.map((i) => [i.loc?.line, i.message, i.sourceLine])).to.deep.equal([
        [8, "services.web.instances.web-0: unknown ship 's0' (did you mean 's'?)", '      web-0: {ship: s0}'],
        [10, "services.web.instances.web-1: unknown ship 's1' (did you mean 's'?)", '      web-1: {ship: s1}'],
      ])
    } finally {
      rmSync(dir, {recursive: true, force: true})
    }
  })
})
