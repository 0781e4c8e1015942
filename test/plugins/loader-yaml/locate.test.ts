import {expect} from 'chai'
import {YamlLoader} from '../../../plugins/loader-yaml/yaml-loader.js'
import type {LoadedDocument} from '../../../src/api/index.js'

const TEXT = `name: demo
_defaults: &defaults
  image: nginx:1.25
  ports: &ports {http: 80}
ships:
  s1: {ip: 10.0.0.1}
services:
  web:
    <<: *defaults
    instances:
      web-1:
        ship: s1
        ports: *ports
        volumes:
          - /a:/a
          - "/b:/b"
        80: numeric-key
        true: bool-key
  db:
    <<: [{image: pg, stop_timeout: 3}, *defaults]
`

const load = (): Promise<LoadedDocument> => new YamlLoader().load('-', {env: {}, stdin: TEXT})
const at = (doc: LoadedDocument, path: (string | number)[], which?: 'key' | 'value') => {
  const loc = doc.locate(path, which)
  return loc && [loc.line, loc.column]
}

describe('LoadedDocument.locate', () => {
  it('points at a value and at its key', async () => {
    const doc = await load()
    expect(at(doc, ['services', 'web', 'instances', 'web-1', 'ship'])).to.deep.equal([12, 15])
    expect(at(doc, ['services', 'web', 'instances', 'web-1', 'ship'], 'key')).to.deep.equal([12, 9])
  })
  it('locates flow-mapping entries', async () => {
    expect(at(await load(), ['ships', 's1', 'ip'])).to.deep.equal([6, 12])
  })
  it('locates sequence items by index', async () => {
    const doc = await load()
    expect(at(doc, ['services', 'web', 'instances', 'web-1', 'volumes', 0])).to.deep.equal([15, 13])
    expect(at(doc, ['services', 'web', 'instances', 'web-1', 'volumes', 1])).to.deep.equal([16, 13])
    expect(doc.locate(['services', 'web', 'instances', 'web-1', 'volumes', 2])).to.equal(undefined)
  })
  it('finds merged keys where they are written', async () => {
    const doc = await load()
    expect(at(doc, ['services', 'web', 'image'])).to.deep.equal([3, 10])
    expect(at(doc, ['services', 'web', 'image'], 'key')).to.deep.equal([3, 3])
  })
  it('searches a list of merges in order', async () => {
    const doc = await load()
    expect(at(doc, ['services', 'db', 'image'])).to.deep.equal([20, 18])
    expect(at(doc, ['services', 'db', 'ports', 'http'])).to.deep.equal([4, 24])
  })
  it('follows aliases into the anchored node', async () => {
    const doc = await load()
    expect(at(doc, ['services', 'web', 'instances', 'web-1', 'ports'])).to.deep.equal([13, 16])
    expect(at(doc, ['services', 'web', 'instances', 'web-1', 'ports', 'http'])).to.deep.equal([4, 24])
  })
  it('matches non-string keys by their Python str() form', async () => {
    const doc = await load()
    expect(at(doc, ['services', 'web', 'instances', 'web-1', '80'], 'key')).to.deep.equal([17, 9])
    expect(at(doc, ['services', 'web', 'instances', 'web-1', 'True'])).to.deep.equal([18, 15])
  })
  it('returns undefined for a missing path', async () => {
    const doc = await load()
    expect(doc.locate(['services', 'nope'])).to.equal(undefined)
    expect(doc.locate(['name', 'deeper'])).to.equal(undefined)
  })
  it('locates the document root for an empty path', async () => {
    expect(at(await load(), [])).to.deep.equal([1, 1])
  })
  it('returns rendered lines by 1-based number', async () => {
    const doc = await load()
    expect(doc.line(1)).to.equal('name: demo')
    expect(doc.line(12)).to.equal('        ship: s1')
    expect(doc.line(0)).to.equal(undefined)
    expect(doc.line(999)).to.equal(undefined)
  })
  it('points into the rendered text of a templated file', async () => {
    const doc = await new YamlLoader().load('-', {env: {}, stdin: '{% for i in range(2) %}\ns{{ i }}: {{ i }}\n{% endfor %}\n'})
    const loc = doc.locate(['s1'])
    expect(loc).to.deep.include({file: '<stdin>'})
    expect(doc.line(loc!.line)).to.equal('s1: 1')
  })
})
