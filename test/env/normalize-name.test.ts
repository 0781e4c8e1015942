import {expect} from 'chai'
import {normalizeName} from '../../src/env/normalize-name.js'

describe('normalizeName', () => {
  const cases: Array<[string, string]> = [
    ['zk-node-1', 'ZK_NODE_1'],
    ['leader_election', 'LEADER_ELECTION'],
    ['a.b c/d', 'A_B_C_D'],
    ['café', 'CAFÉ'],
    ['straße', 'STRASSE'],
    ['e\u0301', 'E_'],
    ['٣x', '٣X'],
    ['日本-1', '日本_1'],
  ]
  for (const [name, expected] of cases) it(`turns ${name} into ${expected}`, () => expect(normalizeName(name)).to.equal(expected))
})
