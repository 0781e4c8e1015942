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
    expect(result.outcomes.get('app-1')).to.deep.include({status: 'failed', error: lost})
    expect(result.outcomes.get('db-1')).to.deep.include({status: 'failed', error: lost})
    for (const name of ['web-1', 'app-2', 'cache-1']) expect(result.outcomes.get(name), name).to.deep.include({status: 'ok', outcome: 'stopped'})
    // after the lost stop, ship a was not asked anything more
    const calls = a.callNames()
    expect(calls.slice(calls.indexOf('stopContainer') + 1)).to.deep.equal([])
    expect(r.fleet.get('a').containers.get('db-1')?.running).to.equal(true)
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
