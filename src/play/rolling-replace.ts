/**
 * The replacement of a running, drifted instance of a service with an `update:` block (src/model/update.ts), in
 * the slot its service's gate gives it. stop-first: as without the block. start-first: the new container is created
 * and started beside the old one under a temporary name (env, hostname and labels are the instance's), passes its
 * running checks and the monitor window, then the old one is stopped and removed and the new one takes its name.
 */
import {MaestroError, isMaestroError} from '../api/errors.js'
import {awaitsHealth} from '../model/healthcheck.js'
import {createContainer, dockerError, removeContainer, startContainer, stopContainer} from './container-steps.js'
import {checkFailed} from './container-watch.js'
import type {TaskContext} from './context.js'
import {ensureImage, hasHealthcheck} from './image.js'
import {logsHint, readLogTail} from './log-tail.js'
import {awaitReady} from './readiness.js'
import type {UpdateGate} from './update-gate.js'
import {delay} from './wait.js'

const MONITOR_POLL_MS = 500

/** The temporary Docker name of an instance's new container during a start-first update. */
export const nextName = (instance: string): string => `${instance}.next`

/** Watches the new container for the monitor window: exiting or turning unhealthy in it is a failure. */
async function monitor(ctx: TaskContext, id: string, ms: number): Promise<void> {
  if (ms <= 0) return
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

async function startFirst(ctx: TaskContext, oldId: string, health: boolean, monitorMs: number): Promise<string> {
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
    throw withNote(e, `the new container was removed, the old one (${oldId.slice(0, 12)}) keeps running`)
  }
  await stopContainer(ctx, oldId)
  await removeContainer(ctx, oldId)
  ctx.progress(`renaming ${temporary} to ${ctx.container.name}`)
  try {
    await rename(id, ctx.container.name)
  } catch (e) {
    throw dockerError(ctx, 'rename failed', e)
  }
  return id
}

async function stopFirst(ctx: TaskContext, oldId: string, health: boolean, monitorMs: number): Promise<string> {
  await stopContainer(ctx, oldId)
  await removeContainer(ctx, oldId)
  const id = await createContainer(ctx)
  await bringUpNew(ctx, id, health, monitorMs)
  return id
}

/** Replaces the running container `oldId` in a slot of `gate`; the new container's id. */
export async function rollingReplace(ctx: TaskContext, gate: UpdateGate, oldId: string, pull: boolean): Promise<string> {
  const {order, monitorMs} = gate.config
  ctx.progress('waiting for an update slot')
  await gate.acquire(ctx.signal)
  try {
    ctx.progress(`replacing (${order})`)
    const image = await ensureImage(ctx, pull)
    const health = awaitsHealth(ctx.container.healthcheck, hasHealthcheck(image))
    return await (order === 'start-first' ? startFirst : stopFirst)(ctx, oldId, health, monitorMs)
  } finally {
    gate.release(ctx.signal)
  }
}
