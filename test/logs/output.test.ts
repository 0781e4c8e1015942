import {expect} from 'chai'
import {Writable} from 'node:stream'
import {OrderedOutput, Output} from '../../src/logs/output.js'
import {Capture} from './log-docker.js'

const out = (text: string) => ({to: 'out' as const, text})

describe('OrderedOutput', () => {
  it('prints each container after all earlier ones, whatever order they arrive in', async () => {
    const stdout = new Capture()
    const ordered = new OrderedOutput(new Output({out: stdout, err: new Capture()}), 3)
    await ordered.send(2, [out('c1\n')])
    await ordered.send(1, [out('b1\n')])
    await ordered.send(0, [out('a1\n')])
    await ordered.finish(2)
    await ordered.send(1, [out('b2\n')])
    expect(stdout.text).to.equal('a1\n')
    await ordered.finish(0)
    await ordered.send(1, [out('b3\n')])
    await ordered.finish(1)
    expect(stdout.text).to.equal('a1\nb1\nb2\nb3\nc1\n')
  })
})

describe('Output', () => {
  it('waits for drain when the stream pushes back, keeping order', async () => {
    const written: string[] = []
    const slow = new Writable({
      highWaterMark: 1,
      decodeStrings: false,
      write(chunk, _enc, done) {
        written.push(String(chunk))
        setTimeout(done, 5)
      },
    })
    const o = new Output({out: slow, err: new Capture()})
    const sends = ['1', '2', '3', '4'].map((t) => o.send([out(t)]))
    await sends[3]
    expect(written).to.deep.equal(['1', '2', '3', '4'])
  })
})
