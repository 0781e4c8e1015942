import {expect} from 'chai'
import {parseSince} from '../../src/logs/since.js'

const now = Date.UTC(2026, 0, 31, 12, 0, 0)

describe('parseSince', () => {
  it('reads durations back from now', () => {
    expect(parseSince('90s', now)).to.equal(now / 1000 - 90)
    expect(parseSince('10m', now)).to.equal(now / 1000 - 600)
    expect(parseSince('2h', now)).to.equal(now / 1000 - 7200)
    expect(parseSince('1d', now)).to.equal(now / 1000 - 86400)
  })

  it('reads epoch seconds and dates', () => {
    expect(parseSince('1700000000', now)).to.equal(1700000000)
    expect(parseSince('2026-01-31T11:00:00Z', now)).to.equal(now / 1000 - 3600)
  })

  it('refuses anything else as a usage error', () => {
    expect(() => parseSince('yesterday', now)).to.throw(/--since "yesterday" is not a duration/).with.property('exit', 2)
    expect(() => parseSince('', now)).to.throw(/not a duration/)
  })
})
