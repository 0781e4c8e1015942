/**
 * The replacement of a running, drifted instance of a service with an `update:` block (src/model/update.ts), in
 * the slot its service's gate gives it. The replaced container is kept stopped as the instance's previous one
 * (src/play/previous.ts). stop-first: the old container is stopped and kept, then the new one is created.
 * start-first: the new container is created and started beside the old one under a temporary name (env, hostname
 * and labels are the instance's), passes its running checks and the monitor window, then the old one is stopped
 * and kept and the new one takes its name.
 */
import {MaestroError, isMaestroError} from '../api/errors.js'
import {awaitsHealth} from '../model/healthcheck.js'
import {createContainer, dockerError, removeContainer, startContainer} from './container-steps.js'
import {checkFailed} from './container-watch.js'
import type {TaskContext} from './context.js'
import {ensureImage, hasHealthcheck} from './image.js'
import {logsHint, readLogTail} from './log-tail.js'
import {keepPrevious} from './previous.js'
import {awaitReady} from './readiness.js'
import type {Replaced, UpdateGate, Verdict} from './update-gate.js'
import {updateFailed} from './update-failure.js'
import {delay} from './wait.js'

const MONITOR_POLL_MS = 500

/** The temporary Docker name of an instance's new container during a start-first update. */
export const nextName = (instance: string): string => `${instance}.next`

const short = (id: string): string => id.slice(0, 12)

/** Watches the new container for the monitor window: exiting or turning unhealthy in it is a failure. */
async function monitor(ctx: TaskContext, id: string, ms: number): Promise<void> {
  if (ms <= 0) return
  ctx.emit('update:monitor', {id: short(id), ms})
  ctx.progress(`monitoring for ${ms / 1000}s`)
  const until = Date.now() + ms
  for (;;) {
    const info = await ctx.docker.inspectContainer(id)
    const why = !info?.State.Running ? `exited (exit code ${info?.State.ExitCode ?? '?'})` : info.State.Health?.Status === 'unhealthy' ? 'became unhealthy' : undefined
    if (why) throw checkFailed(`${ctx.container.name}: new container ${why} during the ${ms / 1000}s update monitor window`, undefined, {logTail: await readLogTail(ctx.docker, id), hint: logsHint(ctx.container.name)})
    const left = until - Date.now()
    if (left <= 0) return
    await delay(Math.min(MONITOR_POLL_MS, left), ctx.signal)
  }
}

async function bringUpNew(ctx: TaskContext, id: string, health: boolean, monitorMs: number): Promise<void> {
  await startContainer(ctx, id)
  await awaitReady(ctx, id, health)
  await monitor(ctx, id, monitorMs)
}

const withNote = (e: unknown, note: string): unknown =>
  isMaestroError(e) ? new MaestroError(e.code, `${e.message}; ${note}`, {cause: e.cause, hint: e.hint, logTail: e.logTail, exit: e.exit}) : e

interface Replacement {
  readonly id: string
  /** The Docker name the replaced container is kept under, when it is kept. */
  readonly previous?: string
}

async function startFirst(ctx: TaskContext, oldId: string, health: boolean, monitorMs: number, record: (r: Replaced) => void): Promise<Replacement> {
  const rename = ctx.docker.renameContainer?.bind(ctx.docker)
  if (!rename) throw new MaestroError('MAESTRO_DOCKER', `${ctx.container.name}: order: start-first needs a Docker client that can rename containers, and ship ${ctx.container.ship}'s cannot; this instance was not changed`)
  const temporary = nextName(ctx.container.name)
  // a start-first update cut short earlier left its new container: it is not the instance's, so it goes
  const leftover = await ctx.docker.inspectContainer(temporary).catch(() => undefined)
  if (leftover) await removeContainer(ctx, leftover.Id)
  const id = await createContainer(ctx, temporary)
  ctx.progress(`start-first: new container ${temporary} beside the old one`)
  try {
    await bringUpNew(ctx, id, health, monitorMs)
  } catch (e) {
    if (ctx.signal.aborted) throw e
    await removeContainer(ctx, id).catch(() => undefined)
    throw withNote(e, `the new container was removed, the old one (${short(oldId)}) keeps running`)
  }
  const previous = await keepPrevious(ctx, oldId)
  if (previous) record({ctx, previousId: oldId, newId: id})
  ctx.progress(`renaming ${temporary} to ${ctx.container.name}`)
  try {
    await rename(id, ctx.container.name)
  } catch (e) {
    throw dockerError(ctx, 'rename failed', e)
  }
  return {id, previous}
}

async function stopFirst(ctx: TaskContext, oldId: string, health: boolean, monitorMs: number, record: (r: Replaced) => void): Promise<Replacement> {
  const previous = await keepPrevious(ctx, oldId)
  // recorded before the new container exists: a failure from here on puts the previous one back too
  const replaced: Replaced = {ctx, previousId: oldId}
  if (previous) record(replaced)
  const id = await createContainer(ctx)
  replaced.newId = id
  await bringUpNew(ctx, id, health, monitorMs)
  return {id, previous}
}

export type RollingResult =
  | {readonly kind: 'replaced'; readonly id: string}
  /** The update was halted (paused or rolled back) before this instance got a slot. */
  | {readonly kind: 'halted'}
  /** `goesOn`: within max_failure_ratio (or failure_action: continue), the update goes on past it. */
  | {readonly kind: 'failed'; readonly error: MaestroError; readonly goesOn: boolean}

/** Replaces the running container `oldId` in a slot of `gate`; a failure gets its service's failure_action. */
export async function rollingReplace(ctx: TaskContext, gate: UpdateGate, oldId: string, pull: boolean): Promise<RollingResult> {
  const {order, monitorMs} = gate.config
  ctx.progress('waiting for an update slot')
  if (!(await gate.acquire(ctx.signal, ctx.container.name))) return {kind: 'halted'}
  let failure: {error: MaestroError; verdict: Verdict} | undefined
  try {
    const t0 = Date.now()
    ctx.emit('update:replace', {order, oldId: short(oldId), batch: ++gate.batches})
    ctx.progress(`replacing (${order})`)
    const image = await ensureImage(ctx, pull)
    const health = awaitsHealth(ctx.container.healthcheck, hasHealthcheck(image))
    const record = (r: Replaced): void => void gate.replaced.push(r)
    const {id, previous} = await (order === 'start-first' ? startFirst : stopFirst)(ctx, oldId, health, monitorMs, record)
    ctx.emit('update:replaced', {order, oldId: short(oldId), newId: short(id), ...(previous ? {previous} : {}), durationMs: Date.now() - t0})
    return {kind: 'replaced', id}
  } catch (e) {
    if (ctx.signal.aborted || !isMaestroError(e)) throw e
    // judged before the slot is freed, so that no waiting instance takes it once the update stops
    failure = {error: e, verdict: gate.failed(e.message)}
  } finally {
    gate.release(ctx.signal)
  }
  const error = await updateFailed(ctx, gate, failure.error, failure.verdict)
  return {kind: 'failed', error, goesOn: failure.verdict.then === 'continue'}
}
