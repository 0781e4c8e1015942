import {expect} from 'chai'
import {pythonFloatRepr, pythonStr} from '../../src/env/python-str.js'

describe('pythonStr', () => {
  const cases: Array<[string, Parameters<typeof pythonStr>[0], string | null]> = [
    ['true as True', true, 'True'],
    ['false as False', false, 'False'],
    ['1.50 as 1.5', 1.5, '1.5'],
    ['007 (an int) as 7', 7, '7'],
    ['"007" verbatim', '007', '007'],
    ['null as a bare key', null, null],
    ['negative ints', -42, '-42'],
    ['nested lists flattened and space-joined', ['a', ['b', 'c'], 'd'], 'a b c d'],
    ['non-string list items Python-style', ['x', 1, true, 2.5, null, [false]], 'x 1 True 2.5 None False'],
    ['an empty list as empty text', [], ''],
  ]
  for (const [what, value, expected] of cases) it(`renders ${what}`, () => expect(pythonStr(value)).to.equal(expected))
})

describe('pythonFloatRepr', () => {
  const cases: Array<[number, string]> = [
    [1000, '1000.0'], [1.5, '1.5'], [0.1, '0.1'], [0.0001, '0.0001'], [0.00001, '1e-05'], [1.5e-7, '1.5e-07'],
    [1e16, '1e+16'], [9999999999999998, '9999999999999998.0'], [1.2345678901234568e17, '1.2345678901234568e+17'],
    [123.456, '123.456'], [-2.5, '-2.5'], [0, '0.0'], [-0, '-0.0'], [Infinity, 'inf'], [-Infinity, '-inf'], [NaN, 'nan'],
    [1e100, '1e+100'], [0.1 + 0.2, '0.30000000000000004'],
  ]
  for (const [n, expected] of cases) it(`prints ${expected}`, () => expect(pythonFloatRepr(n)).to.equal(expected))
})
