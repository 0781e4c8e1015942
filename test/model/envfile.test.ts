import {expect} from 'chai'
import {readEnvfile} from '../../src/model/envfile.js'

const files: Record<string, string> = {
  '/e/good.env': '# comment\n\n  A=1\nB=two words\nC="quoted"\nD=\nE=x=y\r\n',
  '/e/bad.env': 'A=1\nNOEQUALS\nB=2\n  ALSO BAD  \n',
}
const read = (p: string): string => {
  if (!(p in files)) throw Object.assign(new Error(`ENOENT: no such file or directory, open '${p}'`), {code: 'ENOENT'})
  return files[p]
}

describe('readEnvfile', () => {
  it('reads KEY=VALUE pairs in order, without quote handling', () => {
    expect(readEnvfile('/e/good.env', read)).to.deep.equal({ok: true, pairs: [['A', '1'], ['B', 'two words'], ['C', '"quoted"'], ['D', ''], ['E', 'x=y']]})
  })

  it('reports every bad line with its number', () => {
    const r = readEnvfile('/e/bad.env', read)
    expect(r.ok).to.equal(false)
    if (!r.ok) {
      expect(r.problems.map((p) => `${p.line}: ${p.message}`)).to.deep.equal([
        "2: line has no '=' (expected KEY=VALUE): NOEQUALS",
        "4: line has no '=' (expected KEY=VALUE): ALSO BAD",
      ])
    }
  })

  it('reports a missing file', () => {
    expect(readEnvfile('/e/missing.env', read)).to.deep.equal({ok: false, problems: [{file: '/e/missing.env', message: 'no such file'}]})
  })
})
