import {expect} from 'chai'
import {logFormat} from '../../src/logs/format.js'
import {makePrefixes} from '../../src/logs/prefix.js'

const plain = {colorOut: false, colorErr: false}

describe('logFormat', () => {
  it('passes a single container log through unchanged', () => {
    const f = logFormat('web-1', makePrefixes(['web-1']), {prefixed: false, ...plain})
    expect(f.text('half a li')).to.deep.equal([{to: 'out', text: 'half a li'}])
    expect(f.text('ne\n')).to.deep.equal([{to: 'out', text: 'ne\n'}])
    expect(f.end()).to.deep.equal([])
  })

  it('prefixes whole lines only, in one piece per chunk', () => {
    const f = logFormat('a', makePrefixes(['a', 'bbb']), {prefixed: true, ...plain})
    expect(f.text('one\ntwo\nthr')).to.deep.equal([{to: 'out', text: 'a   | one\na   | two\n'}])
    expect(f.text('ee')).to.deep.equal([])
    expect(f.end()).to.deep.equal([{to: 'out', text: 'a   | three\n'}])
  })

  it('writes notices to stderr with the prefix', () => {
    const f = logFormat('a', makePrefixes(['a', 'bbb']), {prefixed: true, ...plain})
    expect(f.notice('host down')).to.deep.equal({to: 'err', text: 'a   | host down\n'})
    const raw = logFormat('a', makePrefixes(['a']), {prefixed: false, ...plain})
    expect(raw.notice('host down')).to.deep.equal({to: 'err', text: 'a | host down\n'})
  })

  it('colours stdout and stderr prefixes independently', () => {
    const f = logFormat('a', makePrefixes(['a', 'b']), {prefixed: true, colorOut: true, colorErr: false})
    expect(f.text('x\n')[0].text).to.match(/^\x1b\[\d+ma\x1b\[0m \| x\n$/)
    expect(f.notice('n').text).to.equal('a | n\n')
  })
})
