import {expect} from 'chai'
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join, relative} from 'node:path'
import {YamlLoader} from '../../../plugins/loader-yaml/yaml-loader.js'
import plugin from '../../../plugins/loader-yaml/index.js'
import {Kernel} from '../../../src/kernel/kernel.js'
import {Tokens} from '../../../src/api/index.js'
import {TEMPLATES} from './fixtures.js'
import {rejectedMaestroError as rejection} from '../../helpers/errors.js'

describe('YamlLoader', () => {
  const loader = new YamlLoader()
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'maestro-loader-'))
  })
  afterEach(() => rmSync(dir, {recursive: true, force: true}))

  it('is registered under Tokens.Loader by the plugin and accepts any file', async () => {
    const kernel = await Kernel.boot({plugins: [plugin]})
    const found = kernel.first(Tokens.Loader, (l) => l.canLoad('anything.yml'), 'a loader')
    expect(found.name).to.equal('yaml')
  })

  it('loads plain YAML without templating', async () => {
    const file = join(dir, 'maestro.yaml')
    writeFileSync(file, 'name: plain\nflag: yes\n')
    const doc = await loader.load(file, {env: {}})
    expect(doc.data).to.deep.equal({name: 'plain', flag: true})
    expect(doc.templated).to.equal(false)
    expect(doc.file).to.equal(file)
    expect(doc.baseDir).to.equal(dir)
    expect(doc.rendered).to.equal('name: plain\nflag: yes\n')
  })

  it('resolves a relative path against the working directory', async () => {
    const file = join(dir, 'rel.yaml')
    writeFileSync(file, 'a: 1\n')
    const doc = await loader.load(relative(process.cwd(), file), {env: {}})
    expect(doc.file).to.equal(file)
    expect(doc.baseDir).to.equal(dir)
  })

  it('reads - from options.stdin with baseDir = cwd', async () => {
    const doc = await loader.load('-', {env: {WHO: 'me'}, stdin: 'who: {{ env.WHO }}\n'})
    expect(doc.file).to.equal('<stdin>')
    expect(doc.baseDir).to.equal(process.cwd())
    expect(doc.templated).to.equal(true)
    expect(doc.data).to.deep.equal({who: 'me'})
  })

  // maestro-ng.rendered.txt and maestro-ng.expected.json were produced by Jinja2 3.1 (FileSystemLoader on the
  // fixture directory, env={'ENV_NAME': 'ZK-Kafka'}) and PyYAML 6 safe_load.
  it('renders a MaestroNG-style file exactly as Jinja2 does and parses it as PyYAML does', async () => {
    const doc = await loader.load(join(TEMPLATES, 'maestro-ng.yaml'), {env: {ENV_NAME: 'ZK-Kafka'}})
    expect(doc.templated).to.equal(true)
    expect(doc.rendered).to.equal(readFileSync(join(TEMPLATES, 'maestro-ng.rendered.txt'), 'utf8'))
    expect(doc.data).to.deep.equal(JSON.parse(readFileSync(join(TEMPLATES, 'maestro-ng.expected.json'), 'utf8')))
  })

  it('reads the MaestroNG-style file into the expected model-ready data', async () => {
    const doc = await loader.load(join(TEMPLATES, 'maestro-ng.yaml'), {env: {}})
    const data = doc.data as {name: string; services: Record<string, {env: Record<string, unknown>; instances: Record<string, unknown>}>}
    expect(data.name).to.equal('zk-kafka')
    expect(data.services.zookeeper.env.ZOOKEEPER_SERVER_IDS).to.equal('zk-node-1:1,zk-node-2:2,zk-node-3:3')
    expect(data.services.zookeeper.instances['zk-node-2']).to.deep.equal({
      ship: 'ship',
      ports: {client: '2181:2182'},
      volumes: {'/data/zookeeper/2': '/var/lib/zookeeper'},
      env: {SERVER_ID: 2, LAST: false, ROLE: 'follower'},
    })
    expect(data.services.kafka.env).to.deep.include({ZOOKEEPER_BASE: '/zk-kafka/kafka', AUTO_LEADER_REBALANCE: true, FLAGS: 'on-3'})
  })

  it('includes files relative to the template directory, not the working directory', async () => {
    const file = join(dir, 'main.yaml')
    writeFileSync(file, "{% include 'part.yaml' %}\nb: 2\n")
    writeFileSync(join(dir, 'part.yaml'), 'a: {{ env.A }}\n')
    expect((await loader.load(file, {env: {A: 'x'}})).data).to.deep.equal({a: 'x', b: 2})
  })

  it('includes fixture files from stdin relative to the working directory', async () => {
    const rel = relative(process.cwd(), join(TEMPLATES, 'include-me.yaml'))
    const doc = await loader.load('-', {env: {WHO: 'x'}, stdin: `{% include '${rel}' %}\n`})
    expect(doc.data).to.deep.equal({included: 'x'})
  })

  it('reports a missing file as MAESTRO_CONFIG_NOT_FOUND', async () => {
    const e = await rejection(loader.load(join(dir, 'nope.yaml'), {env: {}}))
    expect(e.code).to.equal('MAESTRO_CONFIG_NOT_FOUND')
    expect(e.message).to.equal(`${join(dir, 'nope.yaml')}: no such file (ENOENT: no such file or directory)`)
    expect(e.exit).to.equal(2)
  })

  it('reports a directory as unreadable', async () => {
    const e = await rejection(loader.load(dir, {env: {}}))
    expect(e.code).to.equal('MAESTRO_CONFIG_NOT_FOUND')
    expect(e.message).to.match(/is a directory/)
  })

  it('reports template syntax errors with file:line:col', async () => {
    const file = join(TEMPLATES, 'broken.j2')
    const e = await rejection(loader.load(file, {env: {}}))
    expect(e.code).to.equal('MAESTRO_CONFIG_TEMPLATE')
    expect(e.message).to.match(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:2:\\d+: template error: `))
    expect(e.loc?.line).to.equal(2)
  })

  it('reports template runtime errors at the line of the call', async () => {
    const e = await rejection(loader.load(join(TEMPLATES, 'calls-undefined.yaml'), {env: {}}))
    expect(e.code).to.equal('MAESTRO_CONFIG_TEMPLATE')
    expect(e.loc).to.deep.equal({file: join(TEMPLATES, 'calls-undefined.yaml'), line: 2, column: 11})
    expect(e.message).to.contain('nope')
  })

  it('reports errors inside an included file at that file', async () => {
    const e = await rejection(loader.load('-', {env: {}, stdin: "x: 1\n{% include 'broken.j2' %}\n".replace('broken.j2', relative(process.cwd(), join(TEMPLATES, 'broken.j2')))}))
    expect(e.code).to.equal('MAESTRO_CONFIG_TEMPLATE')
    expect(e.loc?.file).to.equal(join(TEMPLATES, 'broken.j2'))
    expect(e.loc?.line).to.equal(2)
  })

  it('reports a missing include', async () => {
    const e = await rejection(loader.load('-', {env: {}, stdin: "{% include 'missing.yaml' %}\n"}))
    expect(e.code).to.equal('MAESTRO_CONFIG_TEMPLATE')
    expect(e.message).to.contain('missing.yaml')
  })

  it('reports an error in an imported file instead of crashing', async () => {
    const file = join(dir, 'main.yaml')
    writeFileSync(file, "{% import 'bad.j2' as m %}\na: 1\n")
    writeFileSync(join(dir, 'bad.j2'), '{% macro x() %}{% if %}{% endmacro %}\n')
    const e = await rejection(loader.load(file, {env: {}}))
    expect(e.code).to.equal('MAESTRO_CONFIG_TEMPLATE')
  })

  it('reports YAML errors in the rendered text', async () => {
    const e = await rejection(loader.load('-', {env: {}, stdin: '{% set k = "a" %}\n{{ k }}: 1\n{{ k }}: 2\n'}))
    expect(e.code).to.equal('MAESTRO_CONFIG_YAML')
    expect(e.message).to.equal('<stdin>:3:1: duplicate key a')
  })

})
