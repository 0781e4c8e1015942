import {expect} from 'chai'
import {parseYaml11} from '../../plugins/loader-yaml/yaml11.js'
import {orderedEntries} from '../../src/model/key-order.js'

describe('written key order of integer-like keys', () => {
  const data = parseYaml11('env:\n  B: 1\n  10: x\n  A: 2\n  2: y\nx: &m {9: a, z: b}\ny: {<<: *m, 1: c}\n', 'f.yaml').data as Record<string, Record<string, unknown>>

  it('is kept by the loader (JS objects alone put 2 and 10 first)', () => {
    expect(Object.keys(data.env)).to.deep.equal(['2', '10', 'B', 'A'])
    expect(orderedEntries(data.env).map(([k]) => k)).to.deep.equal(['B', '10', 'A', '2'])
  })

  it('follows merge keys in place', () => {
    expect(orderedEntries(data.y).map(([k]) => k)).to.deep.equal(['9', 'z', '1'])
  })

  it('leaves the data plain and deep-equal to what it was', () => {
    expect(data.env).to.deep.equal({B: 1, 10: 'x', A: 2, 2: 'y'})
    expect(Object.getPrototypeOf(data.env)).to.equal(Object.prototype)
  })
})

describe('ports in written order', () => {
  it('keeps integer-like port names where they were written', async () => {
    const {normalizeEnvironment} = await import('../../src/model/normalize.js')
    const {YamlDocument} = await import('../../plugins/loader-yaml/loaded-document.js')
    const text = 'name: e\nships: {s: {ip: 10.0.0.1}}\nservices:\n  w:\n    image: busybox\n    ports: {web: 80, 9000: 9000, admin: 81, 22: 22}\n    instances: {w-1: {ship: s}}\n'
    const doc = new YamlDocument({file: '/x/e.yaml', baseDir: '/x', source: text, rendered: text, templated: false, envValuesRead: []}, parseYaml11(text, '/x/e.yaml'))
    const {environment} = normalizeEnvironment(doc)
    expect(environment?.containers['w-1'].ports.map((p) => p.name)).to.deep.equal(['web', '9000', 'admin', '22'])
  })
})

describe('services, instances and ships in written order', () => {
  const text =
    'name: e\nships: {s: {ip: 10.0.0.1}, 2: {ip: 10.0.0.2}}\nservices:\n  web:\n    image: busybox\n    requires: [7]\n' +
    '    instances: {w-2: {ship: s}, 10: {ship: 2}, w-1: {ship: s}}\n  7:\n    image: busybox\n    instances: {3: {ship: s}}\n'
  const load = async () => {
    const {normalizeEnvironment} = await import('../../src/model/normalize.js')
    const {YamlDocument} = await import('../../plugins/loader-yaml/loaded-document.js')
    const doc = new YamlDocument({file: '/x/e.yaml', baseDir: '/x', source: text, rendered: text, templated: false, envValuesRead: []}, parseYaml11(text, '/x/e.yaml'))
    const {environment} = normalizeEnvironment(doc)
    if (!environment) throw new Error('the file did not load')
    return environment
  }

  it('keeps the order of the file in the model', async () => {
    const env = await load()
    expect(orderedEntries(env.ships).map(([k]) => k)).to.deep.equal(['s', '2'])
    expect(orderedEntries(env.services).map(([k]) => k)).to.deep.equal(['web', '7'])
    expect(orderedEntries(env.containers).map(([k]) => k)).to.deep.equal(['w-2', '10', 'w-1', '3'])
  })

  it('selects containers in that order (status, dump and plays list them so)', async () => {
    const {selectContainers} = await import('../../src/graph/select.js')
    const env = await load()
    expect(selectContainers(env, [], {command: 'status'})).to.deep.equal(['w-2', '10', 'w-1', '3'])
    expect(selectContainers(env, ['web'], {command: 'dump'})).to.deep.equal(['w-2', '10', 'w-1', '3'])
  })
})
