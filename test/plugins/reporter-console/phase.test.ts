import {expect} from 'chai'
import {isPending, phaseOf, withDuration, withElapsed} from '../../../plugins/reporter-console/phase.js'
import {plainLine} from '../../../plugins/reporter-console/plain-log.js'

describe('console phases', () => {
  it('treats attempts and percentages as one phase', () => {
    expect(phaseOf('running check tcp (attempt 12)...')).to.equal('running check tcp...')
    expect(phaseOf('pulling image (42%)...')).to.equal('pulling image...')
    expect(phaseOf('waiting 5s (step delay)...')).to.equal('waiting 5s (step delay)...')
  })
  it('adds elapsed time to a waiting row after a second, and durations to finished ones', () => {
    expect(isPending('stopping...')).to.equal(true)
    expect(isPending('stopped')).to.equal(false)
    expect(withElapsed('stopping...', 999)).to.equal('stopping...')
    expect(withElapsed('stopping...', 7400)).to.equal('stopping... 7s')
    expect(withElapsed('stopping...', 65_000)).to.equal('stopping... 1m5s')
    expect(withDuration('started', 1540)).to.equal('started (1.5s)')
  })
  it('formats a plain line with an ISO-8601 UTC timestamp', () => {
    expect(plainLine(Date.UTC(2026, 0, 2, 3, 4, 5, 6), 'db-1', 7, 'stopping...')).to.equal('2026-01-02T03:04:05.006Z db-1:    stopping...')
  })
})
