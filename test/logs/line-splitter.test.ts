import {expect} from 'chai'
import {LineSplitter} from '../../src/logs/line-splitter.js'

describe('LineSplitter', () => {
  it('returns whole lines and holds back a partial one', () => {
    const s = new LineSplitter()
    expect(s.push('one\ntw')).to.deep.equal(['one'])
    expect(s.push('o\nthree')).to.deep.equal(['two'])
    expect(s.push('\n')).to.deep.equal(['three'])
    expect(s.end()).to.deep.equal([])
  })

  it('gives the last line without a newline at the end', () => {
    const s = new LineSplitter()
    expect(s.push('a\nb')).to.deep.equal(['a'])
    expect(s.end()).to.deep.equal(['b'])
    expect(s.end()).to.deep.equal([])
  })

  it('drops the carriage return of CRLF line ends (TTY containers)', () => {
    const s = new LineSplitter()
    expect(s.push('a\r\nb\r')).to.deep.equal(['a'])
    expect(s.push('\n')).to.deep.equal(['b'])
  })

  it('keeps empty lines', () => {
    expect(new LineSplitter().push('a\n\nb\n')).to.deep.equal(['a', '', 'b'])
  })
})
