import {expect} from 'chai'
import {Readable} from 'node:stream'
import {boundTail, readLogTail, type TailBounds} from '../../src/play/log-tail.js'

const bounds: TailBounds = {lines: 3, lineChars: 10, bytes: 4096, readMs: 5000}

describe('log tail of a failed container', () => {
  it('keeps the last non-empty lines, without trailing blanks or carriage returns', () => {
    expect(boundTail('a\nb\n\nc\r\nd  \n\n', bounds)).to.deep.equal(['b', 'c', 'd'])
  })

  it('cuts long lines and drops terminal escapes and control characters', () => {
    expect(boundTail('\u001b[31mred\u001b[0m\u0007 x\n0123456789abcdef', bounds)).to.deep.equal(['red x', '012345678…'])
  })

  it('keeps the newest lines within the byte bound', () => {
    expect(boundTail('aaaa\nbbbb\ncccc', {...bounds, bytes: 10})).to.deep.equal(['bbbb', 'cccc'])
    expect(boundTail('', bounds)).to.deep.equal([])
  })

  it('reads the tail from the daemon, asking for no more lines than it shows', async () => {
    let asked: unknown
    const docker = {logs: async (_id: string, o?: {tail?: number | 'all'}) => ((asked = o?.tail), Readable.from(['one\ntw', 'o\nthree\nfour\n']))}
    expect(await readLogTail(docker, 'x', bounds)).to.deep.equal(['two', 'three', 'four'])
    expect(asked).to.equal(3)
  })

  it('is empty when the log cannot be read, and keeps what was read before a stream broke', async () => {
    expect(await readLogTail({logs: async () => Promise.reject(new Error('gone'))}, 'x', bounds)).to.deep.equal([])
    const broken = new Readable({read() {
      this.push('before\n')
      this.destroy(new Error('reset'))
    }})
    expect(await readLogTail({logs: async () => broken}, 'x', bounds)).to.deep.equal(['before'])
  })
})
