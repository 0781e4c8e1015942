import {expect} from 'chai'
import {ExitCode} from '../../src/api/errors.js'
import {logRig, running, type LogRig} from './rig.js'

const follow = (r: LogRig, names: string[], tail?: number) => r.run(names, {follow: true, tail})

describe('runLogs with follow', () => {
  it('follows containers on two ships, interleaving whole prefixed lines, until interrupted (exit 130)', async () => {
    const r = await logRig()
    running(r, 'a', 'a-1', 'old a\n')
    running(r, 'b', 'b-1', 'old b\n')
    const done = follow(r, ['a-1', 'b-1'])
    await r.out.saw('b-1 | old b\n')
    await r.out.saw('a-1 | old a\n')
    r.fleet.get('b').say('b-1', 'half ')
    r.fleet.get('a').say('a-1', 'from a\n')
    r.fleet.get('b').say('b-1', 'line\n')
    await r.out.saw('b-1 | half line\n')
    await r.out.saw('a-1 | from a\n')
    expect(r.out.text.split('\n').sort()).to.deep.equal(['', 'a-1 | from a', 'a-1 | old a', 'b-1 | half line', 'b-1 | old b'])
    r.abort.abort()
    expect(await done).to.equal(ExitCode.INTERRUPTED)
    expect(r.err.text).to.equal('')
  })

  it('opens one event stream per ship for its followed containers', async () => {
    const r = await logRig()
    running(r, 'a', 'a-1', '')
    running(r, 'b', 'b-1', '')
    running(r, 'b', 'b-2', '')
    const done = follow(r, ['a-1', 'b-1', 'b-2'])
    while (r.fleet.get('b').live.size < 2 || r.fleet.get('a').live.size < 1) await new Promise((x) => setTimeout(x, 5))
    expect(r.fleet.get('a').eventStreams.map((e) => e.filters)).to.deep.equal([{type: ['container'], event: ['start'], container: ['a-1']}])
    expect(r.fleet.get('b').eventStreams.map((e) => e.filters)).to.deep.equal([{type: ['container'], event: ['start'], container: ['b-1', 'b-2']}])
    r.abort.abort()
    await done
  })

  it('prints one followed container raw, starting with the last n lines', async () => {
    const r = await logRig()
    running(r, 'a', 'a-1', '1\n2\n3\n')
    const done = follow(r, ['a-1'], 1)
    await r.out.saw('3\n')
    r.fleet.get('a').say('a-1', 'partial')
    await r.out.saw('3\npartial')
    r.abort.abort()
    await done
    expect(r.out.text).to.equal('3\npartial')
  })

  it('waits for a recreated container and re-attaches to it, with notices', async () => {
    const r = await logRig()
    running(r, 'a', 'a-1', 'first life\n')
    running(r, 'b', 'b-1', '')
    const done = follow(r, ['a-1', 'b-1'])
    await r.out.saw('a-1 | first life\n')
    r.fleet.get('a').die('a-1')
    await r.err.saw('a-1 | a-1 has died, waiting for respawn...\n')
    r.fleet.get('a').recreate('a-1', 'second life\n')
    await r.out.saw('a-1 | second life\n')
    const id = r.fleet.get('a').containers.get('a-1')!.id
    expect(r.err.text).to.equal(`a-1 | a-1 has died, waiting for respawn...\na-1 | attached to a-1 (${id.slice(0, 12)})\n`)
    r.fleet.get('a').say('a-1', 'still second\n')
    await r.out.saw('a-1 | still second\n')
    r.abort.abort()
    await done
    expect(r.out.text).to.equal('a-1 | first life\na-1 | second life\na-1 | still second\n')
  })

  it('waits for a container that does not exist yet', async () => {
    const r = await logRig()
    running(r, 'b', 'b-1', '')
    const done = follow(r, ['a-1', 'b-1'])
    await r.err.saw('a-1 | a-1 does not exist; waiting for it to be created...\n')
    r.fleet.get('a').seed('a-1', {Image: 'img'}, true)
    r.fleet.get('a').say('a-1', 'hello\n')
    r.fleet.get('a').announceStart('a-1')
    await r.out.saw('a-1 | hello\n')
    r.abort.abort()
    await done
  })

  it('shows host down once for an unreachable ship, follows the others, and attaches when it comes back', async () => {
    const r = await logRig()
    running(r, 'a', 'a-1', 'a line\n')
    running(r, 'b', 'b-1', 'b line\n')
    r.fleet.get('a').down = true
    const done = follow(r, ['a-1', 'b-1'])
    await r.out.saw('b-1 | b line\n')
    await r.err.saw('a-1 | host down\n')
    await new Promise((x) => setTimeout(x, 100))
    expect(r.err.text).to.equal('a-1 | host down\n')
    r.fleet.get('a').down = false
    await r.out.saw('a-1 | a line\n')
    expect(r.err.text).to.match(/^a-1 \| host down\na-1 \| attached to a-1 \(.+\)\n$/)
    r.abort.abort()
    await done
  })

  it('fails with exit 3 when no ship can be reached', async () => {
    const r = await logRig()
    r.fleet.get('a').down = true
    const e = await follow(r, ['a-1']).then(() => undefined, (x: unknown) => x)
    expect(e).to.include({exit: ExitCode.UNREACHABLE})
    expect(r.err.text).to.equal('a-1 | host down\n')
  })

  it('closes the ship clients and event streams when it ends', async () => {
    const r = await logRig()
    running(r, 'a', 'a-1', 'x\n')
    const done = follow(r, ['a-1'])
    await r.out.saw('x\n')
    r.abort.abort()
    await done
    expect(r.fleet.get('a').closed).to.equal(true)
    expect(r.fleet.get('a').eventStreams[0].stream.destroyed).to.equal(true)
    expect(r.fleet.get('a').live.get('a-1')?.destroyed).to.equal(true)
  })

  it('stops quietly (exit 0) when the reader of stdout goes away', async () => {
    const r = await logRig()
    running(r, 'a', 'a-1', 'x\n')
    const done = follow(r, ['a-1'])
    await r.out.saw('x\n')
    r.out.emit('error', Object.assign(new Error('write EPIPE'), {code: 'EPIPE'}))
    expect(await done).to.equal(0)
    expect(r.fleet.get('a').closed).to.equal(true)
  })

  it('re-attaches to the same container restarted, asking only for what came after it stopped', async () => {
    const r = await logRig()
    running(r, 'a', 'a-1', 'first\n')
    const done = follow(r, ['a-1'])
    await r.out.saw('first\n')
    const a = r.fleet.get('a')
    a.die('a-1')
    await r.err.saw('has died')
    const before = Date.now() / 1000
    await a.startContainer('a-1')
    a.announceStart('a-1')
    while (a.logCalls.length < 2) await new Promise((x) => setTimeout(x, 5))
    r.abort.abort()
    await done
    const [first, second] = a.logCalls
    expect(first.options).to.deep.equal({follow: true, tail: 'all', timestamps: false, since: undefined})
    expect(second.options.tail).to.equal('all')
    expect(second.options.since).to.be.a('number').within(before - 1, before)
    expect(r.err.text).to.match(/^a-1 \| a-1 has died, waiting for respawn...\na-1 \| attached to a-1 \(.+\)\n$/)
  })
})
