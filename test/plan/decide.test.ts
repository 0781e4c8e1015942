import {expect} from 'chai'
import {decide} from '../../src/plan/decide.js'

const same = {known: true, changes: []}

describe('decide: a container an interrupted start left created, never started', () => {
  it('is replaced, never started as it is, even with --reuse (it may be half made)', () => {
    for (const flags of [{}, {reuse: true}, {converge: true}]) {
      const d = decide({running: false, state: 'created'}, same, flags)
      expect(d.action, JSON.stringify(flags)).to.equal('recreate')
      expect(d.reason).to.match(/^created but never started \(an interrupted start\?\): removed and created again/)
    }
  })

  it('a stopped (exited) container is still started as it is with --reuse', () => {
    expect(decide({running: false, state: 'exited'}, same, {reuse: true}).action).to.equal('start')
  })
})
