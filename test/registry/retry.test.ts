import {expect} from 'chai'
import {httpStatusOf, withRetry} from '../../src/registry/retry.js'

const failing = (status: number): Error => Object.assign(new Error(`HTTP ${status}`), {statusCode: status})

describe('withRetry', () => {
  it('retries statuses listed in when, up to attempts', async () => {
    let calls = 0
    const result = await withRetry(async () => {
      calls++
      if (calls < 3) throw failing(503)
      return 'ok'
    }, {attempts: 3, when: [503]}, {delayMs: 1})
    expect(result).to.equal('ok')
    expect(calls).to.equal(3)
  })

  it('gives up after attempts and rethrows the last error', async () => {
    let calls = 0
    const err = await withRetry(async () => {
      calls++
      throw failing(503)
    }, {attempts: 2, when: [503]}, {delayMs: 1}).catch((e: unknown) => e)
    expect(calls).to.equal(2)
    expect((err as Error).message).to.equal('HTTP 503')
  })

  it('does not retry a status absent from when, nor an error without status', async () => {
    let calls = 0
    await withRetry(async () => {
      calls++
      throw failing(401)
    }, {attempts: 5, when: [503]}, {delayMs: 1}).catch(() => undefined)
    await withRetry(async () => {
      calls++
      throw new Error('boom')
    }, {attempts: 5, when: [503]}, {delayMs: 1}).catch(() => undefined)
    expect(calls).to.equal(2)
  })

  it('reports each retry', async () => {
    const seen: number[] = []
    await withRetry(async () => {
      throw failing(429)
    }, {attempts: 3, when: [429]}, {delayMs: 1, onRetry: (_a, status) => seen.push(status)}).catch(() => undefined)
    expect(seen).to.deep.equal([429, 429])
  })

  it('stops waiting when aborted', async () => {
    const ac = new AbortController()
    const started = Date.now()
    setTimeout(() => ac.abort(new Error('aborted')), 20)
    const err = await withRetry(async () => {
      throw failing(503)
    }, {attempts: 3, when: [503]}, {delayMs: 10_000, signal: ac.signal}).catch((e: unknown) => e)
    expect((err as Error).message).to.equal('aborted')
    expect(Date.now() - started).to.be.below(1000)
  })
})

describe('httpStatusOf', () => {
  it('finds the status on the error, its cause, or in the message', () => {
    expect(httpStatusOf(failing(500))).to.equal(500)
    expect(httpStatusOf(new Error('wrap', {cause: {status: 502}}))).to.equal(502)
    expect(httpStatusOf(new Error('received unexpected HTTP status: 503 Service Unavailable'))).to.equal(503)
    expect(httpStatusOf(new Error('no number here'))).to.equal(undefined)
  })
})
