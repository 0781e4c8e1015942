import {expect} from 'chai'
import {UpdateGate} from '../../src/play/update-gate.js'
import type {UpdateConfig} from '../../src/model/types.js'

const CONFIG: UpdateConfig = {parallelism: 1, delayMs: 0, order: 'start-first', monitorMs: 0, failureAction: 'pause', maxFailureRatio: 0}

describe('UpdateGate', () => {
  it('acquire rejects at once when the signal is already aborted, even with a free slot', async () => {
    const gate = new UpdateGate(CONFIG, 2)
    const aborted = AbortSignal.abort(new Error('interrupted'))
    let error: unknown
    await gate.acquire(aborted, 'a').catch((e: unknown) => (error = e))
    expect((error as Error).message).to.equal('interrupted')
    // the slot was not taken
    expect(await gate.acquire(new AbortController().signal, 'b')).to.equal(true)
  })

  it('halt gives the waiting instances no slot and returns their names; idle resolves once the slot is released', async () => {
    const gate = new UpdateGate(CONFIG, 3)
    const signal = new AbortController().signal
    expect(await gate.acquire(signal, 'a')).to.equal(true)
    const waiting = gate.acquire(signal, 'b')
    expect(gate.halt('a failed')).to.deep.equal(['b'])
    expect(await waiting).to.equal(false)
    expect(await gate.acquire(signal, 'c')).to.equal(false)
    let idle = false
    const done = gate.idle().then(() => (idle = true))
    expect(idle).to.equal(false)
    gate.release(signal)
    await done
    expect(idle).to.equal(true)
  })
})
