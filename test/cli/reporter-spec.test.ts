import {expect} from 'chai'
import {parseReporterOptions, parseReporterSpec} from '../../src/cli/reporters.js'

describe('parseReporterSpec', () => {
  it('reads name and name=target', () => {
    expect(parseReporterSpec('console')).to.deep.equal({name: 'console'})
    expect(parseReporterSpec('junit=out/a=b.xml')).to.deep.equal({name: 'junit', target: 'out/a=b.xml'})
  })
})

describe('parseReporterOptions (--reporter-option name.key=value)', () => {
  it('groups the values by reporter, the last of a key winning, values kept as written', () => {
    expect(parseReporterOptions(['junit.suite=ci', 'tap.verbose=true', 'junit.suite=nightly', 'tap.title=a=b c'], ['junit', 'tap'])).to.deep.equal({
      junit: {suite: 'nightly'},
      tap: {verbose: 'true', title: 'a=b c'},
    })
  })

  it('refuses a malformed option and one for a reporter that is not selected', () => {
    expect(() => parseReporterOptions(['junit=x'], ['junit'])).to.throw("--reporter-option wants NAME.KEY=VALUE, got 'junit=x'")
    expect(() => parseReporterOptions(['tap.verbose=1'], ['console'])).to.throw('--reporter-option tap.verbose: no --reporter tap is selected')
  })
})
