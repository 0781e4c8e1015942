import {expect} from 'chai'
import {fnmatch} from '../../src/graph/fnmatch.js'

describe('fnmatch', () => {
  const cases: Array<[string, string, boolean]> = [
    ['web-1', '*-1', true],
    ['web-12', '*-1', false],
    ['web-1', 'web-?', true],
    ['web-10', 'web-?', false],
    ['web-2', 'web-[12]', true],
    ['web-3', 'web-[12]', false],
    ['web-3', 'web-[!12]', true],
    ['web-1', 'web-[!12]', false],
    ['web-b', 'web-[a-c]', true],
    ['a.b', 'a.b', true],
    ['axb', 'a.b', false],
    ['x[1', 'x[1', true],
    ['Web-1', 'web-*', false],
    ['a+b(c)', 'a+b(c)', true],
  ]
  for (const [name, pattern, expected] of cases) {
    it(`${expected ? 'matches' : 'does not match'} ${name} against ${pattern}`, () => {
      expect(fnmatch(name, pattern)).to.equal(expected)
    })
  }
})
