import {expect} from 'chai'
import {inertLastLine, inertText} from '../../src/text/inert.js'

describe('inertText (outside text made safe to print)', () => {
  it('removes escape sequences: colours, cursor moves, window titles, terminal resets', () => {
    expect(inertText('\x1b[31mred\x1b[0m \x1b[2J\x1b[Hclear \x1b]0;owned\x07title \x1b]8;;http://x\x1b\\link \x1bcreset')).to.equal('red clear title link reset')
  })

  it('removes control characters (C0 but tab and newline, DEL, C1) and bidirectional overrides', () => {
    expect(inertText('a\x00b\x07c\x08d\re\x7ff\x9bg\u202eh\u2066i\tj\nk')).to.equal('abcdefghi\tj\nk')
  })

  it('bounds the length and says how much was cut', () => {
    expect(inertText('x'.repeat(1000), 10)).to.equal(`${'x'.repeat(10)}… (990 more characters)`)
    expect(inertText('short', 10)).to.equal('short')
  })

  it('gives the last non-empty line, whatever the line endings', () => {
    expect(inertLastLine('first\r\nsecond\r\n\r\n')).to.equal('second')
    expect(inertLastLine(`ok\n${'y'.repeat(300)}\n`)).to.equal(`${'y'.repeat(200)}… (100 more characters)`)
    expect(inertLastLine('')).to.equal('')
  })
})
