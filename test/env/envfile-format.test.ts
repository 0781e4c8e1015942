import {expect} from 'chai'
import {parseEnvfile} from '../../src/env/envfile-format.js'
import {MaestroError} from '../../src/api/errors.js'

describe('parseEnvfile', () => {
  it('reads KEY=VALUE lines, skipping comments and blank lines', () => {
    const text = '# a comment\nA=1\n\n  B=two words  \r\nC=x=y\nD="quoted"\nE=\n'
    expect(parseEnvfile(text, 'f.env')).to.deep.equal([['A', '1'], ['B', 'two words'], ['C', 'x=y'], ['D', '"quoted"'], ['E', '']])
  })
  it('lets a later line overwrite an earlier one in place', () => {
    expect(parseEnvfile('A=1\nB=2\nA=3', 'f.env')).to.deep.equal([['A', '3'], ['B', '2']])
  })
  it('rejects a line without =, naming the file and line', () => {
    expect(() => parseEnvfile('A=1\nBROKEN\n', '/x/f.env')).to.throw(MaestroError, "/x/f.env:2: line has no '=' (expected KEY=VALUE): BROKEN")
  })
})
