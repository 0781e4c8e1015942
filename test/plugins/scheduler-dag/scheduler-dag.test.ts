import {expect} from 'chai'
import {DagScheduler} from '../../../plugins/scheduler-dag/index.js'
import type {ScheduleNode} from '../../../src/api/index.js'

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** Runs the scheduler with per-node durations (ms) and records start/end order and peak concurrency. */
async function play(nodes: ScheduleNode[], durations: Record<string, number>, opts: {concurrency?: number; fail?: string[]; abortAfter?: number} = {}) {
  const log: string[] = []
  const waits: Record<string, readonly string[]> = {}
  let running = 0
  let peak = 0
  const ac = new AbortController()
  if (opts.abortAfter !== undefined) setTimeout(() => ac.abort(), opts.abortAfter)
  const t0 = Date.now()
  const startedAt: Record<string, number> = {}
  const results = await new DagScheduler().run(nodes, {concurrency: opts.concurrency ?? Infinity, signal: ac.signal, onWait: (id, on) => (waits[id] = on)}, async (id) => {
    running++
    peak = Math.max(peak, running)
    startedAt[id] = Date.now() - t0
    log.push(`start ${id}`)
    await sleep(durations[id] ?? 1)
    running--
    log.push(`end ${id}`)
    if (opts.fail?.includes(id)) throw new Error(`${id} broke`)
  })
  return {log, waits, peak, results, startedAt}
}

const chain = (ids: string[]): ScheduleNode[] => ids.map((id, i) => ({id, after: i === 0 ? [] : [ids[i - 1]]}))

describe('DagScheduler', () => {
  it('runs each node after its dependencies', async () => {
    const {log, results} = await play(chain(['a', 'b', 'c']), {a: 5, b: 5, c: 5})
    expect(log).to.deep.equal(['start a', 'end a', 'start b', 'end b', 'start c', 'end c'])
    expect([...results.values()].every((r) => r.status === 'done')).to.equal(true)
  })

  it('reports nodes blocked by dependencies through onWait', async () => {
    const {waits} = await play([{id: 'db', after: []}, {id: 'app', after: ['db']}, {id: 'web', after: ['app', 'db']}], {})
    expect(waits).to.deep.equal({app: ['db'], web: ['app', 'db']})
  })

  it('does not make an independent chain wait for an unrelated one (no levels)', async () => {
    const nodes = [...chain(['a1', 'a2']), ...chain(['b1', 'b2'])]
    const {log} = await play(nodes, {a1: 150, a2: 1, b1: 1, b2: 1})
    expect(log.indexOf('start b2')).to.be.lessThan(log.indexOf('end a1'))
  })

  it('caps concurrent work, and waiting nodes hold no slot', async () => {
    const nodes: ScheduleNode[] = [{id: 'slow', after: []}, {id: 'dep', after: ['slow']}, {id: 'x', after: []}, {id: 'y', after: []}]
    const {peak, log} = await play(nodes, {slow: 150, x: 1, y: 1}, {concurrency: 2})
    expect(peak).to.equal(2)
    // dep waits on slow but x and y still get the second slot one after the other
    expect(log.indexOf('end y')).to.be.lessThan(log.indexOf('end slow'))
  })

  it('runs one at a time with concurrency 1, in list order when free', async () => {
    const {peak, log} = await play([{id: 'a', after: []}, {id: 'b', after: []}, {id: 'c', after: []}], {}, {concurrency: 1})
    expect(peak).to.equal(1)
    expect(log).to.deep.equal(['start a', 'end a', 'start b', 'end b', 'start c', 'end c'])
  })

  it('starts nothing new after a failure, lets in-flight work finish, and aborts the rest', async () => {
    const nodes: ScheduleNode[] = [{id: 'bad', after: []}, {id: 'long', after: []}, {id: 'child', after: ['bad']}, {id: 'later', after: ['long']}]
    const {log, results} = await play(nodes, {bad: 1, long: 100}, {fail: ['bad']})
    expect(log).to.include('end long')
    expect(log).to.not.include('start later')
    expect(results.get('bad')?.status).to.equal('failed')
    expect(results.get('long')?.status).to.equal('done')
    expect(results.get('child')?.status).to.equal('aborted')
    expect(results.get('later')?.status).to.equal('aborted')
  })

  it('treats an abort signal like a failure', async () => {
    const {log, results} = await play(chain(['a', 'b', 'c']), {a: 30, b: 5}, {abortAfter: 10})
    expect(log).to.deep.equal(['start a', 'end a'])
    expect(results.get('a')?.status).to.equal('done')
    expect(results.get('b')?.status).to.equal('aborted')
    expect(results.get('c')?.status).to.equal('aborted')
  })

  it('ignores dependencies outside the node set', async () => {
    const {results} = await play([{id: 'kafka', after: ['zookeeper']}], {})
    expect(results.get('kafka')?.status).to.equal('done')
  })

  it('aborts nodes that can never run (a cycle) instead of hanging', async () => {
    const {results} = await play([{id: 'a', after: ['b']}, {id: 'b', after: ['a']}, {id: 'c', after: []}], {})
    expect(results.get('a')?.status).to.equal('aborted')
    expect(results.get('c')?.status).to.equal('done')
  })

  it('resolves at once for an empty play', async () => {
    const {results} = await play([], {})
    expect(results.size).to.equal(0)
  })
})
