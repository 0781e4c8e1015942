import {expect} from 'chai'
import {shlexSplit} from '../../src/docker/shlex.js'
import {MaestroError} from '../../src/api/errors.js'

describe('shlexSplit', () => {
  const cases: Array<[string, string[]]> = [
    ['echo hello world', ['echo', 'hello', 'world']],
    ['  spaced\t\tout\n', ['spaced', 'out']],
    ["bash -c 'echo Here is the environment: && env'", ['bash', '-c', 'echo Here is the environment: && env']],
    ['say "a \\"quoted\\" word"', ['say', 'a "quoted" word']],
    ['"back\\\\slash" "keep\\n"', ['back\\slash', 'keep\\n']],
    ["'single \\n stays'", ['single \\n stays']],
    ['a\\ b c\\"d', ['a b', 'c"d']],
    ['pre"mid dle"post', ['premid dlepost']],
    ["'' \"\" x", ['', '', 'x']],
    ['# not a comment', ['#', 'not', 'a', 'comment']],
    ['', []],
  ]
  for (const [input, expected] of cases) it(`splits ${JSON.stringify(input)}`, () => expect(shlexSplit(input)).to.deep.equal(expected))

  it('rejects an unclosed quote', () => {
    expect(() => shlexSplit("echo 'oops")).to.throw(MaestroError, 'No closing quotation')
  })
  it('rejects a trailing backslash', () => {
    expect(() => shlexSplit('echo oops\\')).to.throw(MaestroError, 'No escaped character')
  })
})
