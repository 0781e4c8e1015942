import {expect} from 'chai'
import {reset, rig} from './setup.js'

describe('a start interrupted between create and start', () => {
  it('leaves a Created container that status reports down, and the next start replaces and starts', async () => {
    const r = await rig()
    const a = r.fleet.get('a')
    a.failWith = (call) => (call === 'startContainer' ? new Error('daemon went away') : undefined)
    const first = await r.play('start', {containers: ['db-1']})
    expect(first.exitCode).to.equal(1)
    const left = a.containers.get('db-1')!
    expect(left).to.include({status: 'created', running: false})

    const status = await r.play('status', {containers: ['db-1']})
    expect(status.outcomes.get('db-1')).to.deep.include({outcome: 'down'})
    expect(status.outcomes.get('db-1')?.data?.state).to.equal('created')

    a.failWith = undefined
    reset(r)
    const again = await r.play('start', {containers: ['db-1']})
    expect(again.outcomes.get('db-1')).to.deep.include({status: 'ok', outcome: 'started'})
    const now = a.containers.get('db-1')!
    expect(now.running).to.equal(true)
    expect(now.id).to.not.equal(left.id)
    expect(a.callNames()).to.include('removeContainer')
  })

  it('replaces the Created container even with --reuse: it may be half made (networks not yet connected)', async () => {
    const r = await rig()
    const a = r.fleet.get('a')
    a.failWith = (call) => (call === 'startContainer' ? new Error('daemon went away') : undefined)
    await r.play('start', {containers: ['db-1']})
    const left = a.containers.get('db-1')!
    a.failWith = undefined
    const again = await r.play('start', {containers: ['db-1'], options: {reuse: true}})
    expect(again.outcomes.get('db-1')).to.deep.include({status: 'ok', outcome: 'started'})
    expect(a.containers.get('db-1')?.running).to.equal(true)
    expect(a.containers.get('db-1')?.id).to.not.equal(left.id)
    expect(again.outcomes.get('db-1')?.data?.action).to.equal('recreate')
  })
})
