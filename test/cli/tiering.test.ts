import {expect} from 'chai'
import {startupTiering, steadyTiering} from '../../src/cli/tiering.js'

describe('V8 tiering for a cold start (src/cli/tiering.ts)', () => {
  it('raises the interrupt budget for start-up and puts the default back once', () => {
    expect(startupTiering([], undefined)).to.equal(true)
    expect(steadyTiering()).to.equal(true)
    expect(steadyTiering()).to.equal(false)
  })

  it('leaves a budget the user set alone, in node flags or NODE_OPTIONS', () => {
    expect(startupTiering(['--interrupt-budget=1000'], undefined)).to.equal(false)
    expect(startupTiering([], '--max-old-space-size=100 --interrupt_budget=1000')).to.equal(false)
    expect(steadyTiering()).to.equal(false)
  })
})
