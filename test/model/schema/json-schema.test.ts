import {expect} from 'chai'
import {readdirSync, readFileSync, statSync} from 'node:fs'
import {join, relative} from 'node:path'
import {fileURLToPath} from 'node:url'
import {parse} from 'yaml'
import {buildJsonSchema, jsonSchemaText} from '../../../src/model/schema/json-schema.js'
import {INSTANCE_KEYS, SERVICE_KEYS} from '../../../src/model/instance-keys.js'
import {SHIP_KEYS} from '../../../src/model/ships.js'
import {LIMIT_KEYS} from '../../../src/model/limits.js'
import {YamlLoader} from '../../../plugins/loader-yaml/yaml-loader.js'
import {compileSchema} from '../../helpers/ajv.js'
import {issuesOf} from '../../helpers/model-env.js'

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url))

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : yamlFiles(path)
    return /\.ya?ml$/.test(name) ? [path] : []
  })
}

type Defs = Record<string, {properties: Record<string, unknown>; required?: string[]}>

describe('maestro.yaml JSON Schema', () => {
  const {validate} = compileSchema('schema/maestro.schema.json')
  const errors = () => JSON.stringify(validate.errors, null, 1)
  const ok = (text: string) => validate(parse(text, {merge: true}))

  it('is committed exactly as buildJsonSchema() generates it', () => {
    expect(readFileSync(join(ROOT, 'schema/maestro.schema.json'), 'utf8')).to.equal(jsonSchemaText())
  })

  it("describes exactly the keys the normalizer knows (one source: src/model/schema)", () => {
    const schema = buildJsonSchema() as {properties: Record<string, unknown>; definitions: Defs}
    const keys = (d: string) => Object.keys(schema.definitions[d].properties).sort()
    expect(keys('instance')).to.deep.equal([...INSTANCE_KEYS].sort())
    expect(keys('service')).to.deep.equal([...SERVICE_KEYS].sort())
    expect(keys('ship')).to.deep.equal([...SHIP_KEYS].sort())
    expect(keys('limits')).to.deep.equal([...LIMIT_KEYS].sort())
    expect(Object.keys(schema.properties)).to.include.members(['__maestro', 'name', 'ships', 'services', 'ship_defaults', 'registries', 'audit', 'plugins'])
    expect(schema.definitions.instance.required).to.deep.equal(['ship'])
    expect(schema.definitions.shipDefaults.properties).to.not.have.property('ip')
  })

  it('accepts every example in examples/ (and a templated fixture), rendered through the YAML loader plugin', async () => {
    const examples = yamlFiles(join(ROOT, 'examples'))
    expect(examples, 'examples/ has YAML files').to.not.be.empty
    const files = [...examples, join(ROOT, 'test/fixtures/completion/shop.yaml')]
    const loader = new YamlLoader()
    for (const file of files) {
      const doc = await loader.load(file, {env: {...process.env, HOME: '/home/ci'}})
      expect(validate(doc.data), `${relative(ROOT, file)}: ${errors()}`).to.equal(true)
    }
  })

  it('accepts templated values, YAML 1.1 booleans, notes and extension keys as an editor sees them', () => {
    const text = [
      '__maestro: {schema: 2}',
      'name: "{{ env.ENV_NAME }}"',
      '_defaults: &defaults {ship: ship1}',
      'x-team: platform',
      'ship_defaults: {docker_port: "{{ env.DOCKER_PORT }}", tls: yes, timeout: 2.5}',
      'ships:',
      '  ship1: {ip: 10.0.0.1, ssh_tunnel: {user: ops, key: ~/.ssh/id}, known_hosts: /etc/ssh/known}',
      'services:',
      '  web:',
      '    image: nginx',
      '    imgae: typo-is-only-a-warning',
      '    ports: {http: 80, https: "443:8443", dns: "53/udp", admin: {exposed: 9000, external: [127.0.0.1, 9000]}, t: "{{ env.P }}"}',
      '    env: {A: 1, B: true, C: null, D: [a, b], E: "{{ env.X }}"}',
      '    instances:',
      '      web-1:',
      '        <<: *defaults',
      '        restart: "on-failure:3"',
      '        ulimits: {nofile: {soft: 1024, hard: 2048}, nproc: 64}',
      '        volumes: {/data: /var/data, /logs: {target: /var/log, mode: ro}}',
      '        lifecycle: {running: [{type: tcp, port: http, max_wait: 10}], pre-stop: [{type: custom-plugin-check}]}',
      '        limits: {memory: 512m, cpu: 2}',
    ].join('\n')
    expect(ok(text), errors()).to.equal(true)
  })

  it('agrees with the normalizer on notes and extension keys: allowed, never warned', () => {
    const text = 'name: e\nx-team: platform\n_notes: [a]\nships: {s1: {ip: 10.0.0.1}}\nservices: {}\n'
    expect(ok(text), errors()).to.equal(true)
    expect(issuesOf(text)).to.deep.equal([])
  })

  const base = 'name: e\nships: {s1: {ip: 10.0.0.1}}\nservices:\n  web:\n    image: nginx\n    instances:\n      web-1:\n        ship: s1\n'
  const bad: Array<[string, string]> = [
    ['a file without ships', 'name: e\nservices: {}\n'],
    ['an empty ships map', 'name: e\nships: {}\nservices: {}\n'],
    ['an instance without a ship', base.replace('        ship: s1\n', '        image: x\n')],
    ['a service without instances', 'name: e\nships: {s1: {ip: 1.2.3.4}}\nservices: {web: {image: nginx}}\n'],
    ['a ship without ip', 'name: e\nships: {s1: {endpoint: h}}\nservices: {}\n'],
    ['a port with three parts', `${base}        ports: {p: "1:2:3"}\n`],
    ['a port mapping without external', `${base}        ports: {p: {exposed: 80}}\n`],
    ['an unknown restart policy', `${base}        restart: sometimes\n`],
    ['a docker_port that is a word', 'name: e\nships: {s1: {ip: 1.2.3.4, docker_port: lots}}\nservices: {}\n'],
    ['an unknown log driver', `${base}        log_driver: fancy\n`],
    ['a check without type', `${base}        lifecycle: {running: [{port: http}]}\n`],
    ['an env value that is a mapping', `${base}        env: {A: {b: c}}\n`],
    ['schema 3', `__maestro: {schema: 3}\n${base}`],
  ]

  it('accepts the base document the bad cases start from', () => {
    expect(ok(base), errors()).to.equal(true)
  })

  for (const [what, text] of bad) {
    it(`rejects ${what}`, () => {
      expect(ok(text)).to.equal(false)
    })
  }
})
