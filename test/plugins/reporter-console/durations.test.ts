import {expect} from 'chai'
import {formatAge, formatElapsed} from '../../../plugins/reporter-console/durations.js'

describe('formatAge', () => {
  it('prints seconds, minutes+seconds, hours+minutes and days+hours', () => {
    expect(formatAge(14)).to.equal('14s')
    expect(formatAge(182)).to.equal('3m2s')
    expect(formatAge(7500)).to.equal('2h5m')
    expect(formatAge(3 * 86_400 + 4 * 3600 + 59)).to.equal('3d4h')
  })
  it('clamps negative ages to 0s', () => {
    expect(formatAge(-5)).to.equal('0s')
  })
})

describe('formatElapsed', () => {
  it('prints tenths of seconds under a minute', () => {
    expect(formatElapsed(4200)).to.equal('4.2s')
    expect(formatElapsed(30)).to.equal('0.0s')
    expect(formatElapsed(59_940)).to.equal('59.9s')
  })
  it('switches to minutes from one minute', () => {
    expect(formatElapsed(65_000)).to.equal('1m5s')
  })
})
