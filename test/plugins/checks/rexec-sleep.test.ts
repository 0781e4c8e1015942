import {expect} from 'chai'
import type {DockerClient, ExecResult} from '../../../src/api/index.js'
import {createRexecCheck} from '../../../plugins/checks/rexec.js'
import {createSleepCheck} from '../../../plugins/checks/sleep.js'
import {checkContext, FAST} from './fixture.js'

/** Only `exec` is used by the rexec check; results are served in order and calls recorded. */
function execOnly(results: (ExecResult | Error)[], calls: string[][]): DockerClient {
  return {
    exec: async (id: string, cmd: readonly string[]) => {
      calls.push([id, ...cmd])
      const r = results.shift() ?? new Error('no more results')
      if (r instanceof Error) throw r
      return r
    },
  } as unknown as DockerClient
}

describe('rexec check', () => {
  const check = createRexecCheck(FAST)

  it('execs the split command in the container until it exits 0', async () => {
    const calls: string[][] = []
    const docker = execOnly([{exitCode: 1, output: ''}, {exitCode: 0, output: 'ok'}], calls)
    await check.run({type: 'rexec', command: `sh -c 'test -f /ready'`}, checkContext({docker, containerId: 'abc123'}))
    expect(calls).to.deep.equal([['abc123', 'sh', '-c', 'test -f /ready'], ['abc123', 'sh', '-c', 'test -f /ready']])
  })

  it('fails after attempts with the exit status and output', async () => {
    const calls: string[][] = []
    const docker = execOnly([new Error('container not running'), {exitCode: 2, output: 'nope\n'}], calls)
    const err = await check.run({type: 'rexec', command: 'false', attempts: 2}, checkContext({docker})).catch((e: Error) => e)
    expect(calls.map((c) => c[0])).to.deep.equal(['web-1', 'web-1'])
    expect((err as Error).message).to.equal('rexec check: `false` in web-1 failed after 2 attempt(s): exit status 2 (nope)')
  })

  it('rejects promptly when aborted during a hanging exec', async () => {
    const docker = {exec: () => new Promise<ExecResult>(() => undefined)} as unknown as DockerClient
    const ac = new AbortController()
    setTimeout(() => ac.abort(new Error('aborted')), 30)
    const err = await check.run({type: 'rexec', command: 'true'}, checkContext({docker, signal: ac.signal})).catch((e: Error) => e)
    expect((err as Error).message).to.equal('aborted')
  })
})

describe('sleep check', () => {
  const check = createSleepCheck()

  it('waits the given seconds and passes', async () => {
    const started = Date.now()
    await check.run({type: 'sleep', wait: 0.1}, checkContext())
    expect(Date.now() - started).to.be.at.least(95)
  })

  it('rejects promptly when aborted', async () => {
    const ac = new AbortController()
    setTimeout(() => ac.abort(new Error('aborted')), 20)
    const err = await check.run({type: 'sleep', wait: 60}, checkContext({signal: ac.signal})).catch((e: Error) => e)
    expect((err as Error).message).to.equal('aborted')
  })
})
