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
