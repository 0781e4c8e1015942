import {expect} from 'chai'
import {execFileSync} from 'node:child_process'
import {fileURLToPath} from 'node:url'

const LOADER = fileURLToPath(new URL('../../../plugins/loader-yaml/yaml-loader.js', import.meta.url))

/** Runs a fresh Node process (a clean module cache) that loads `-` and prints what it observed. */
function runLoader(stdin: string): {data: unknown; templated: boolean; nunjucksLoaded: boolean} {
  const script = `
    import {createRequire} from 'node:module'
    const {YamlLoader} = await import(${JSON.stringify(LOADER)})
    const doc = await new YamlLoader().load('-', {env: {WHO: 'child'}})
    const cache = Object.keys(createRequire(import.meta.url).cache)
    console.log(JSON.stringify({data: doc.data, templated: doc.templated, nunjucksLoaded: cache.some((p) => p.includes('/nunjucks/'))}))
  `
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {input: stdin, encoding: 'utf8'})
  return JSON.parse(out) as {data: unknown; templated: boolean; nunjucksLoaded: boolean}
}

describe('YamlLoader in a fresh process', () => {
  it('reads the real stdin for - and does not load nunjucks for plain YAML', () => {
    expect(runLoader('a: yes\n')).to.deep.equal({data: {a: true}, templated: false, nunjucksLoaded: false})
  })
  it('loads nunjucks only when the text has template markup', () => {
    expect(runLoader('who: {{ env.WHO }}\n')).to.deep.equal({data: {who: 'child'}, templated: true, nunjucksLoaded: true})
  })
})
