import {expect} from 'chai'
import {parseReporterSpec} from '../../src/cli/reporters.js'

describe('parseReporterSpec', () => {
  it('reads name and name=target', () => {
    expect(parseReporterSpec('console')).to.deep.equal({name: 'console'})
    expect(parseReporterSpec('junit=out/a=b.xml')).to.deep.equal({name: 'junit', target: 'out/a=b.xml'})
  })
})
