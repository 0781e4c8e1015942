/**
 * `maestro logs -F`: every container followed at once across its ship, lines interleaved as they come. A
 * container that dies, is removed or recreated, or does not exist yet is waited for on the ship's event stream
 * and re-attached (upstream behaviour); an unreachable ship is retried.
 */
import type {ContainerInspect, DockerClient} from '../api/docker.js'
import {describeError} from '../api/errors.js'
import type {Output} from './output.js'
import {pump} from './pump.js'
import type {ShipEvents} from './ship-events.js'
import type {LogRequest, LogTarget} from './types.js'

export interface FollowContext {
  readonly client: DockerClient
  readonly events: ShipEvents
  readonly output: Output
  readonly request: LogRequest
  readonly signal: AbortSignal
  /** Pause before trying an unreachable ship again. */
  readonly retryMs: number
}

type Waiting = 'none' | 'down' | 'absent' | 'stopped' | 'died' | 'broken'

const NOTICE: Record<Exclude<Waiting, 'none'>, (name: string) => string> = {
  down: () => 'host down',
  absent: (n) => `${n} does not exist; waiting for it to be created...`,
  stopped: (n) => `${n} is not running; waiting for it to start...`,
  died: (n) => `${n} has died, waiting for respawn...`,
  broken: () => 'cannot read the log; waiting for the container to start again...',
}

const epochSeconds = (iso: string): number | undefined => {
  const ms = Date.parse(iso)
  return Number.isNaN(ms) || ms <= 0 ? undefined : ms / 1000
}

export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer)
      signal.removeEventListener('abort', done)
      resolve()
    }
    const timer = setTimeout(done, ms)
    signal.addEventListener('abort', done, {once: true})
  })
}

export async function followOne(t: LogTarget, ctx: FollowContext): Promise<void> {
  const {client, events, output, request, signal} = ctx
  let waiting: Waiting = 'none'
  let firstLook = true
  let last: {id: string; startedAt: string; running: boolean; endedAt: number; ranMs: number} | undefined
  const wait = async (why: Exclude<Waiting, 'none'>) => {
    if (waiting !== why) await output.send([t.format.notice(NOTICE[why](t.name))])
    waiting = why
  }
  while (!signal.aborted) {
    const mark = events.mark(t.name)
    let info: ContainerInspect | undefined
    try {
      await events.open()
      info = await client.inspectContainer(t.name)
    } catch {
      await wait('down')
      await sleep(ctx.retryMs, signal)
      continue
    }
    const initial = firstLook
    firstLook = false
    const sameRun = info !== undefined && last !== undefined && last.id === info.Id && last.startedAt === info.State.StartedAt
    if (!info || (sameRun && !info.State.Running)) {
      await wait(!info ? 'absent' : last!.running ? 'died' : 'stopped')
      await events.changed(t.name, mark, signal)
      continue
    }
    if (sameRun && last!.ranMs < 1000) {
      await wait('broken')
      await sleep(ctx.retryMs, signal)
      continue
    }
    const another = last !== undefined && !sameRun
    if (another || (waiting !== 'none' && waiting !== 'broken')) await output.send([t.format.notice(`attached to ${t.name} (${info.Id.slice(0, 12)})`)])
    waiting = 'none'
    // a new container: its whole log; the same one restarted: since its last run finished (its first lines may
    // predate StartedAt); a dropped stream: since it dropped
    const since = initial ? request.since : last?.id !== info.Id ? undefined : sameRun ? last.endedAt : (epochSeconds(info.State.FinishedAt) ?? last.endedAt)
    const began = Date.now()
    try {
      const stream = await client.logs(info.Id, {follow: true, tail: initial ? (request.tail ?? 'all') : 'all', timestamps: request.timestamps, since})
      await pump(stream, (text) => output.send(t.format.text(text)), signal)
      await output.send(t.format.end())
    } catch (error) {
      await output.send([...t.format.end(), t.format.notice(`log stream failed: ${describeError(error)}`)])
      waiting = 'broken'
    }
    last = {id: info.Id, startedAt: info.State.StartedAt, running: info.State.Running, endedAt: Date.now() / 1000, ranMs: Date.now() - began}
  }
}
