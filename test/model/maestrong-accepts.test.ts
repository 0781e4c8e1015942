import {expect} from 'chai'
import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {normalizeEnvironment} from '../../src/model/normalize.js'
import {YamlLoader} from '../../plugins/loader-yaml/yaml-loader.js'

/** Files from MaestroNG's own test suite (reference) that it accepts: Maestro accepts them too, with a warning. */
async function load(text: string) {
  const file = join(mkdtempSync(join(tmpdir(), 'maestrong-')), 'env.yaml')
  writeFileSync(file, text)
  return normalizeEnvironment(await new YamlLoader().load(file, {env: {}}))
}

describe('files MaestroNG accepts', () => {
  it('accepts an environment with ships and no services', async () => {
    const {environment, issues} = await load('name: e\nships:\n  s1: {ip: 10.0.0.1}\n')
    expect(environment?.ships).to.have.property('s1')
    expect(Object.keys(environment?.services ?? {'?': 1})).to.deep.equal([])
    expect(issues.map((i) => i.severity)).to.deep.equal(['warning'])
  })

  for (const [schema, read] of [['true', 1], ['~', 2]] as const) {
    it(`reads __maestro.schema ${schema} as schema ${read} (Python: True == 1, None != 1)`, async () => {
      const {environment, issues} = await load(`__maestro: {schema: ${schema}}\nname: e\nships: {s1: {ip: 10.0.0.1}}\nservices: {}\n`)
      expect(environment?.schema).to.equal(read)
      expect(issues.map((i) => i.message)).to.deep.equal([`__maestro.schema should be 1 or 2, got ${schema}: read as schema ${read}, as MaestroNG does`])
    })
  }

  for (const schema of ['{version: 2}', '3', "'2'"]) {
    it(`reads __maestro.schema ${schema} as schema 2`, async () => {
      const {environment, issues} = await load(`__maestro: {schema: ${schema}}\nname: e\nships: {s1: {ip: 10.0.0.1}}\nservices: {}\n`)
      expect(environment?.schema).to.equal(2)
      expect(issues.map((i) => i.severity)).to.deep.equal(['warning'])
    })
  }
})
