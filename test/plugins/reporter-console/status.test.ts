import {expect} from 'chai'
import {MaestroError} from '../../../src/api/index.js'
import {endStatus, failStatus, pendingStatus, skipStatus, waitingStatus} from '../../../plugins/reporter-console/status.js'
import {statusStyle} from '../../../plugins/reporter-console/colors.js'
import {Tally} from '../../../plugins/reporter-console/summary.js'

describe('status words', () => {
  it('names at most three containers waited for', () => {
    expect(waitingStatus(['a-1', 'a-2'])).to.equal('waiting for a-1, a-2...')
    expect(waitingStatus(['a-1', 'a-2', 'a-3', 'b-1', 'b-2'])).to.equal('waiting for a-1, a-2, a-3 and 2 more...')
  })

  it('joins the outcome and its detail', () => {
    expect(endStatus({outcome: 'up', detail: 'for 14s'})).to.equal('up for 14s')
    expect(endStatus({outcome: 'started'})).to.equal('started')
  })
  it('appends the drifted fields the engine reports', () => {
    expect(endStatus({outcome: 'running', detail: 'for 11s', data: {drift: ['image', 'env']}})).to.equal('running for 11s (drifted: image, env)')
    expect(endStatus({outcome: 'recreated', detail: '(changed: image)', data: {drift: ['image']}})).to.equal('recreated (changed: image)')
  })
  it('names the reason of stop and kill failures and marks others with !', () => {
    const error = new MaestroError('MAESTRO_DOCKER', 'no such container')
    expect(failStatus({action: 'stop', error})).to.equal('failed: no such container')
    expect(failStatus({action: 'start', error})).to.equal('failed!')
    expect(failStatus({action: 'start', error: new MaestroError('MAESTRO_CHECK_FAILED', 'tcp check')})).to.equal('container did not start!')
  })
  it('shows what is in progress', () => {
    expect(pendingStatus('start')).to.equal('starting...')
  })
  it('colours the vocabulary as upstream does', () => {
    expect(statusStyle('up for 3s')).to.equal('cyan')
    expect(statusStyle('started')).to.equal('green')
    expect(statusStyle('failed!')).to.equal('red')
    expect(statusStyle('host down')).to.equal('red')
    expect(statusStyle('down for 3m2s')).to.equal('yellow')
  })
})

describe('Tally', () => {
  it('summarises counts in first-seen order with failures and elapsed time', () => {
    const t = new Tally()
    for (const o of ['started', 'up', 'started', 'started']) t.add(o)
    expect(t.summary(4200)).to.equal('3 started, 1 up, 0 failed in 4.2s')
    t.failed = 1
    t.aborted = 2
    expect(t.summary(100)).to.equal('3 started, 1 up, 1 failed, 2 aborted in 0.1s')
    t.unknown = 1
    t.skipped = 3
    expect(t.summary(100)).to.equal('3 started, 1 up, 1 failed, 1 unknown, 2 aborted, 3 skipped in 0.1s')
  })

  it('names each kind of unfinished action apart', () => {
    const error = new MaestroError('MAESTRO_SHIP_UNREACHABLE', 'ship a is unreachable')
    expect(failStatus({action: 'start', error})).to.equal('failed!')
    expect(failStatus({action: 'start', error, outcome: 'unknown'})).to.equal('unknown!')
    expect(failStatus({action: 'stop', error, outcome: 'unknown'})).to.equal('unknown!')
    expect(failStatus({action: 'start', error, outcome: 'aborted'})).to.equal('aborted!')
    expect(skipStatus({reason: 'aborted', detail: 'web-1 failed'})).to.equal('skipped (web-1 failed)')
    expect(skipStatus({reason: 'interrupted'})).to.equal('skipped (interrupted)')
    expect(statusStyle('skipped (web-1 failed)')).to.equal('dim')
    expect(statusStyle('unknown!')).to.equal('red')
  })
})
