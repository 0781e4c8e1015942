import {expect} from 'chai'
import {ExitCode} from '../../src/api/errors.js'
import {logRig, running} from './rig.js'

describe('runLogs without follow', () => {
  it('prints one container raw, the last n lines', async () => {
    const r = await logRig()
    running(r, 'a', 'a-1', 'one\ntwo\nthree\n')
    expect(await r.run(['a-1'], {tail: 2})).to.equal(0)
    expect(r.out.text).to.equal('two\nthree\n')
    expect(r.fleet.get('a').logCalls).to.deep.equal([{name: 'a-1', options: {tail: 2, timestamps: false, since: undefined}}])
  })

  it('groups several containers in list order with a padded name prefix', async () => {
    const r = await logRig()
    running(r, 'a', 'a-1', 'a one\na two\n')
    running(r, 'b', 'b-1', 'b one\n')
    running(r, 'b', 'b-2', 'last line without newline')
    r.fleet.get('a').latencyMs = 30
    expect(await r.run(['a-1', 'b-1', 'b-2'])).to.equal(0)
    expect(r.out.text).to.equal('a-1 | a one\na-1 | a two\nb-1 | b one\nb-2 | last line without newline\n')
  })

  it('asks Docker for timestamps and since', async () => {
    const r = await logRig()
    running(r, 'a', 'a-1', 'x\n')
    await r.run(['a-1'], {timestamps: true, since: 1700000000})
    expect(r.fleet.get('a').logCalls[0].options).to.deep.equal({tail: 'all', timestamps: true, since: 1700000000})
  })

  it('colours prefixes on a terminal', async () => {
    const r = await logRig(true)
    running(r, 'a', 'a-1', 'x\n')
    running(r, 'b', 'b-1', 'y\n')
    await r.run(['a-1', 'b-1'])
    expect(r.out.text).to.match(/^\x1b\[\d+ma-1\x1b\[0m \| x\n\x1b\[\d+mb-1\x1b\[0m \| y\n$/)
  })

  it('shows host down for a container on an unreachable ship and the others still', async () => {
    const r = await logRig()
    running(r, 'a', 'a-1', 'x\n')
    running(r, 'b', 'b-1', 'y\n')
    r.fleet.get('a').down = true
    expect(await r.run(['a-1', 'b-1'])).to.equal(0)
    expect(r.out.text).to.equal('b-1 | y\n')
    expect(r.err.text).to.equal('a-1 | host down\n')
  })

  it('fails with exit 3 when every ship is unreachable', async () => {
    const r = await logRig()
    r.fleet.get('a').down = true
    r.fleet.get('b').down = true
    const e = await r.run(['a-1', 'b-1']).then(() => undefined, (x: unknown) => x)
    expect(e).to.include({exit: ExitCode.UNREACHABLE})
    expect((e as Error).message).to.equal('ship a (fake://a) is unreachable: connect ECONNREFUSED fake://a')
    expect(r.err.text).to.equal('a-1 | host down\nb-1 | host down\n')
  })

  it('says a missing container is not running, as upstream, and exits 0', async () => {
    const r = await logRig()
    expect(await r.run(['a-1'])).to.equal(0)
    expect(r.err.text).to.equal('a-1 | a-1 is not running! (no such container)\n')
  })

  it('exits 1 when a log cannot be read', async () => {
    const r = await logRig()
    running(r, 'a', 'a-1', 'x\n')
    r.fleet.get('a').failWith = (call) => (call === 'logs' ? new Error('configured logging driver does not support reading') : undefined)
    expect(await r.run(['a-1'])).to.equal(ExitCode.ACTION_FAILED)
    expect(r.err.text).to.equal('a-1 | cannot read the log: configured logging driver does not support reading\n')
  })
})
