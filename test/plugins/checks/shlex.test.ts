import {expect} from 'chai'
import {shlexSplit} from '../../../plugins/shared/shlex.js'

describe('shlexSplit', () => {
  it('splits like Python shlex.split', () => {
    expect(shlexSplit(`sh -c 'echo "a b"'  x\\ y "q\\"r" ''`)).to.deep.equal(['sh', '-c', 'echo "a b"', 'x y', 'q"r', ''])
  })

  it('joins adjacent quoted parts into one word', () => {
    expect(shlexSplit(`a"b c"'d'`)).to.deep.equal(['ab cd'])
  })

  it('rejects an unclosed quote', () => {
    expect(() => shlexSplit(`echo 'oops`)).to.throw('no closing quotation')
  })
})
