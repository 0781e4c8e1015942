import {definePlugin, Tokens, type NodeResult, type ScheduleNode, type ScheduleOptions, type Scheduler} from '../../src/api/index.js'

/**
 * A per-node DAG wavefront (reference §5): each node starts as soon as every node it comes `after` is done,
 * with no levels, so an independent chain never waits for an unrelated one. `concurrency` is a semaphore
 * taken only by running work: nodes blocked on dependencies hold no slot. After the first failure (or an
 * abort of `signal`) nothing new starts, work in flight finishes, and every node not run is `aborted`.
 */
export class DagScheduler implements Scheduler {
  readonly name = 'dag'

  run(nodes: readonly ScheduleNode[], options: ScheduleOptions, work: (id: string) => Promise<void>): Promise<ReadonlyMap<string, NodeResult>> {
    const ids = new Set(nodes.map((n) => n.id))
    // Nodes of one service share their `after` list (src/play/direction.ts): filter each distinct list once.
    const filtered = new Map<readonly string[], string[]>()
    const depsOf = (n: ScheduleNode): string[] => {
      let deps = filtered.get(n.after)
      if (!deps) filtered.set(n.after, (deps = [...new Set(n.after)].filter((a) => ids.has(a))))
      return deps.includes(n.id) ? deps.filter((a) => a !== n.id) : deps
    }
    const after = new Map(nodes.map((n) => [n.id, depsOf(n)]))
    // Counted, not rescanned: a fanned-in level of N nodes would otherwise cost N × deps checks per completion.
    const waiting = new Map([...after].map(([id, deps]) => [id, deps.length]))
    const dependents = new Map<string, string[]>()
    for (const [id, deps] of after) for (const d of deps) (dependents.get(d) ?? dependents.set(d, []).get(d)!).push(id)
    const results = new Map<string, NodeResult>()
    const pending = nodes.map((n) => n.id)
    const cap = options.concurrency > 0 ? options.concurrency : Infinity
    let running = 0
    let stopped = false

    for (const n of nodes) {
      const deps = after.get(n.id)!
      if (deps.length > 0) options.onWait?.(n.id, deps)
    }

    return new Promise((resolve) => {
      const finish = (): void => {
        for (const n of nodes) if (!results.has(n.id)) results.set(n.id, {status: 'aborted'})
        options.signal.removeEventListener('abort', onAbort)
        resolve(results)
      }
      const pump = (): void => {
        if (options.signal.aborted) stopped = true
        if (!stopped) {
          for (let i = 0; i < pending.length && running < cap; ) {
            const id = pending[i]
            if (waiting.get(id) === 0) {
              pending.splice(i, 1)
              launch(id)
            } else i++
          }
        }
        if (running === 0) finish()
      }
      const launch = (id: string): void => {
        running++
        let p: Promise<void>
        try {
          p = Promise.resolve(work(id))
        } catch (error) {
          p = Promise.reject(error)
        }
        p.then(
          () => {
            results.set(id, {status: 'done'})
            for (const next of dependents.get(id) ?? []) waiting.set(next, waiting.get(next)! - 1)
          },
          (error: unknown) => {
            results.set(id, {status: 'failed', error})
            stopped = true
          },
        ).finally(() => {
          running--
          pump()
        })
      }
      const onAbort = (): void => {
        stopped = true
        if (running === 0) finish()
      }
      options.signal.addEventListener('abort', onAbort)
      pump()
    })
  }
}

export const schedulerDag = definePlugin({
  name: 'maestro-scheduler-dag',
  api: '^1.0.0',
  register(ctx) {
    ctx.registry.register(Tokens.Scheduler, {useValue: new DagScheduler()})
  },
})

export default schedulerDag
