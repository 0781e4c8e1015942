import {expect} from 'chai'
import {unreachableError} from '../../src/api/index.js'
import {reset, rig} from './setup.js'

describe('a ship lost mid-play', () => {
  it('is marked down by its first lost request: later requests to it fail at once with the same reason, other ships go on', async () => {
    const r = await rig()
    await r.play('start')
    reset(r)
    const a = r.fleet.get('a')
    const lost = unreachableError('a', 'tcp://10.0.0.1:2375', new Error('no answer within 5 s'))
    a.failWith = (call, arg) => (call === 'stopContainer' && arg.includes('app-1') ? lost : undefined)
    const result = await r.play('stop')
    expect(result.exitCode).to.equal(1)
    // its stop went unanswered: the ship, listed again at the end, says app-1 still runs
    expect(result.outcomes.get('app-1')).to.deep.include({status: 'failed', failure: 'failed'})
    expect(result.outcomes.get('app-1')?.error?.message).to.equal(`${lost.message}; read again, the container is running`)
    expect(result.outcomes.get('db-1')).to.deep.include({status: 'failed', error: lost, failure: 'failed'})
    for (const name of ['web-1', 'app-2', 'cache-1']) expect(result.outcomes.get(name), name).to.deep.include({status: 'ok', outcome: 'stopped'})
    // after the lost stop, ship a was asked nothing more but the one listing that reads it again
    const calls = a.callNames()
    expect(calls.slice(calls.indexOf('stopContainer') + 1)).to.deep.equal(['listContainers'])
    expect(r.fleet.get('a').containers.get('db-1')?.running).to.equal(true)
  })

  it('reports a lost request as the state the ship holds when it answers again before the play ends', async () => {
    const r = await rig()
    const a = r.fleet.get('a')
    const lost = unreachableError('a', 'tcp://10.0.0.1:2375', new Error('socket hang up'))
    // the start is carried out, its answer lost
    a.failWith = (call, arg) => {
      if (call !== 'startContainer' || !arg.includes('db-1')) return undefined
      Object.assign(a.containers.get('db-1')!, {running: true, status: 'running'})
      return lost
    }
    const result = await r.play('start')
    expect(result.exitCode).to.equal(1)
    expect(result.error).to.equal(lost)
    expect(result.outcomes.get('db-1')).to.deep.include({status: 'ok', outcome: 'running', detail: `(running when read again after: ${lost.message})`})
    for (const name of ['app-1', 'app-2', 'web-1']) expect(result.outcomes.get(name), name).to.deep.include({status: 'skipped', reason: 'db-1 failed'})
    const ends = r.rec.payloads('task:end').map((p) => (p.container as {name: string}).name)
    expect(ends).to.include('db-1')
    expect(r.rec.lines((e) => !e.event.startsWith('transport:')).at(-1)).to.equal('play:end')
  })

  it('says unknown when the ship of a lost request does not answer again', async () => {
    const r = await rig()
    const a = r.fleet.get('a')
    const lost = unreachableError('a', 'tcp://10.0.0.1:2375', new Error('no answer within 5 s'))
    a.failWith = (call, arg) => {
      if (call === 'startContainer' && arg.includes('db-1')) a.down = true
      return call === 'startContainer' ? lost : undefined
    }
    const result = await r.play('start')
    expect(result.exitCode).to.equal(1)
    expect(result.outcomes.get('db-1')).to.deep.include({status: 'failed', failure: 'unknown', error: lost})
    expect(result.stats).to.include({failed: 1, unknown: 1, aborted: 0})
    const fail = r.rec.payloads('task:fail').find((p) => (p.container as {name: string}).name === 'db-1')
    expect(fail?.outcome).to.equal('unknown')
  })

  it('does not mark a ship down for a daemon that answered with an error', async () => {
    const r = await rig()
    await r.play('start')
    reset(r)
    const a = r.fleet.get('a')
    a.failWith = (call, arg) => (call === 'stopContainer' && arg.includes('app-1') ? new Error('conflict') : undefined)
    const result = await r.play('stop')
    expect(result.outcomes.get('app-1')?.status).to.equal('failed')
    expect(result.outcomes.get('db-1')).to.deep.include({status: 'ok', outcome: 'stopped'})
  })
})
