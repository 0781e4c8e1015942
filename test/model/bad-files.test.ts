import {expect} from 'chai'
import {readdirSync, readFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {normalizeEnvironment} from '../../src/model/normalize.js'
import {formatIssue} from '../../src/api/errors.js'
import {YamlLoader} from '../../plugins/loader-yaml/yaml-loader.js'

const DIR = fileURLToPath(new URL('../../../test/fixtures/bad/', import.meta.url))
const CHECK_TYPES = ['tcp', 'http', 'exec', 'rexec', 'sleep']

/** Every problem of a bad fixture, loaded by the real loader plugin, one `file:line:col: message` line each. */
export async function reportFor(name: string): Promise<string[]> {
  const doc = await new YamlLoader().load(DIR + name + '.yaml', {env: {}})
  const {environment, issues} = normalizeEnvironment(doc, {checkTypes: CHECK_TYPES, readFile: (p) => readFileSync(p, 'utf8')})
  if (issues.some((i) => i.severity === 'error')) expect(environment).to.equal(undefined)
  return issues.map((i) => formatIssue(i).slice(i.loc?.file.startsWith(DIR) ? DIR.length : 0))
}

const expected = (name: string): string[] => readFileSync(DIR + name + '.expected', 'utf8').split('\n').filter((l) => l !== '')

describe('normalizeEnvironment (bad files)', () => {
  const names = readdirSync(DIR).filter((f) => f.endsWith('.yaml')).map((f) => f.slice(0, -5)).sort()

  it('has an expectation for every bad file', () => {
    const missing = names.filter((n) => !readdirSync(DIR).includes(n + '.expected'))
    expect(missing).to.deep.equal([])
  })

  for (const name of names) {
    it(`reports ${name}`, async () => {
      expect(await reportFor(name)).to.deep.equal(expected(name))
    })
  }

  it('reports at least 25 distinct error messages across the corpus', () => {
    const errors = new Set(names.flatMap((n) => expected(n)).filter((l) => !l.includes(': warning: ')).map((l) => l.replace(/^[^:]+:\d+:\d+: /, '')))
    expect(errors.size).to.be.at.least(25)
  })

  it('reports every problem of a file with several in one pass', async () => {
    const errors = (await reportFor('many-errors')).filter((l) => !l.includes(': warning: '))
    expect(errors.length).to.be.at.least(7)
  })
})
