import {expect} from 'chai'
import {canonicalJson, changedKeys, configDigest, CONFIG_DEFAULTS, diffConfig, effectiveConfig, maestroLabels, recordedConfig, assessDrift, LABEL} from '../../src/plan/index.js'
import {container, environment, ship} from '../helpers/env-builder.js'

const fixed = container('web-1', 'web', 'registry.example.com/web:1.2', {
  ship: 'a',
  ports: {http: '80:8080', dns: '53/udp'},
  env: {B: '2', A: '1'},
  volumes: [{host: '/srv/data', target: '/data', mode: 'ro'}],
  links: {db: 'db'},
  restart: {name: 'on-failure', maximumRetryCount: 3},
  limits: {memory: 268435456},
  capAdd: ['NET_ADMIN'],
  command: ['nginx', '-g', 'daemon off;'],
})
const fixedEnv: [string, string | null][] = [['B', '2'], ['A', '1'], ['BARE', null]]

describe('canonicalJson', () => {
  it('sorts keys at every depth and drops undefined', () => {
    expect(canonicalJson({b: 1, a: {d: [1, {z: 1, y: undefined, x: 2}], c: null}})).to.equal('{"a":{"c":null,"d":[1,{"x":2,"z":1}]},"b":1}')
  })

  it('sorts the keys of objects inside nested arrays, and writes an array\'s undefined as null', () => {
    expect(canonicalJson([['K', 'v'], ['L', null, undefined], [[{b: 1, a: 2}]], undefined])).to.equal('[["K","v"],["L",null,null],[[{"a":2,"b":1}]],null]')
    expect(canonicalJson([['K', 'v'], ['L', undefined]])).to.equal('[["K","v"],["L",null]]')
  })
})

describe('configDigest', () => {
  it('is pinned for a fixed container config (a change here breaks every deployed container)', () => {
    const config = effectiveConfig(fixed, fixedEnv)
    expect(configDigest(config)).to.equal('c27289652b63cba3ad9a5d7ca38d63a17d2e6962b551ad1496323b5f5b522573')
  })

  it('does not depend on env order or key order', () => {
    const a = effectiveConfig(fixed, fixedEnv)
    const b = effectiveConfig({...fixed, env: {A: '1', B: '2'}}, [...fixedEnv].reverse())
    expect(configDigest(a)).to.equal(configDigest(b))
  })
})

describe('diffConfig', () => {
  it('lists each changed field with before and after values', () => {
    const before = effectiveConfig(fixed, fixedEnv)
    const after = effectiveConfig({...fixed, image: 'registry.example.com/web:1.3', privileged: true}, fixedEnv)
    expect(diffConfig(before, after)).to.deep.equal([
      {field: 'image', before: 'registry.example.com/web:1.2', after: 'registry.example.com/web:1.3'},
      {field: 'privileged', before: false, after: true},
    ])
  })

  it('treats a field absent from an older label version as its default', () => {
    const now = effectiveConfig(fixed, fixedEnv)
    const older = Object.fromEntries(Object.entries(now).filter(([k]) => k !== 'security_opt' && k !== 'workdir'))
    expect(now.security_opt).to.deep.equal(CONFIG_DEFAULTS.security_opt)
    expect(diffConfig(older, now)).to.deep.equal([])
    expect(diffConfig(older, {...now, workdir: '/app'})).to.deep.equal([{field: 'workdir', before: null, after: '/app'}])
  })
})

describe('changedKeys', () => {
  it('names the env keys added, removed or changed', () => {
    expect(changedKeys([['A', '1'], ['B', '2'], ['C', null]], [['A', '1'], ['B', '3'], ['D', 'x']])).to.deep.equal(['B', 'C', 'D'])
  })
})

describe('assessDrift', () => {
  const env = environment('prod', [ship('a', '10.0.0.1')], {web: {instances: {'web-1': {ship: 'a'}}}})
  const config = effectiveConfig(fixed, fixedEnv)

  it('finds no change when the labels match', () => {
    const labels = maestroLabels(env, fixed, config)
    expect(labels[LABEL.configVersion]).to.equal('3')
    expect(assessDrift(recordedConfig(labels), config)).to.deep.equal({known: true, changes: []})
  })

  it('finds the changed fields from the recorded config', () => {
    const labels = maestroLabels(env, fixed, config)
    const drift = assessDrift(recordedConfig(labels), {...config, user: 'nobody'})
    expect(drift.changes).to.deep.equal([{field: 'user', before: null, after: 'nobody'}])
  })

  it('says nothing for containers without Maestro labels', () => {
    expect(assessDrift(recordedConfig({}), config)).to.deep.equal({known: false, changes: []})
  })
})
