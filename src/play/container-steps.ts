import type {ContainerInspect} from '../api/docker.js'
import {MaestroError, describeError, isMaestroError} from '../api/errors.js'
import {buildCreateSpec} from '../docker/create-spec.js'
import {maestroLabels} from '../plan/labels.js'
import type {TaskContext} from './context.js'
import {connectOtherNetworks, ensureNetworks} from './networks.js'
import {delay} from './wait.js'
import {logsHint, readLogTail} from './log-tail.js'
import {clearNotReady} from './not-ready.js'

export const dockerError = (ctx: TaskContext, what: string, error: unknown): MaestroError =>
  isMaestroError(error) ? error : new MaestroError('MAESTRO_DOCKER', `${ctx.container.name}: ${what}: ${describeError(error)}`, {cause: error})

async function step<T>(ctx: TaskContext, what: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn()
  } catch (error) {
    throw dockerError(ctx, what, error)
  }
}

export async function removeContainer(ctx: TaskContext, id: string): Promise<void> {
  ctx.progress('removing')
  await step(ctx, 'remove failed', () => ctx.docker.removeContainer(id, {volumes: true, force: true}))
  ctx.emit('container:remove', {id})
  await clearNotReady(ctx, id)
}

/**
 * Creates the container with the Maestro labels (environment, digest of its effective config). `dockerName` is a
 * temporary name (start-first updates); env, hostname and labels are always the instance's.
 */
export async function createContainer(ctx: TaskContext, dockerName = ctx.container.name): Promise<string> {
  ctx.progress('creating')
  const labels = maestroLabels(ctx.environment, ctx.container, ctx.desired())
  const body = buildCreateSpec(ctx.environment, ctx.container.name, ctx.envPairs(), labels)
  await step(ctx, 'network setup failed', () => ensureNetworks(ctx))
  const platform = ctx.container.platform
  const {Id} = await step(ctx, 'create failed', () => ctx.docker.createContainer(dockerName, body, platform ? {platform} : undefined))
  await step(ctx, 'network connect failed', () => connectOtherNetworks(ctx, Id))
  ctx.emit('container:create', {id: Id})
  return Id
}

export interface RunningWindow {
  readonly polls: number
  readonly intervalMs: number
}

/** Upstream's "must be running" window: 11 polls 0.5 s apart (about 5 s). */
export const RUNNING_WINDOW: RunningWindow = {polls: 11, intervalMs: 500}

/** `docker start`, then polls until Docker reports it running; fails early when it exited for good. */
export async function startContainer(ctx: TaskContext, id: string, window: RunningWindow = RUNNING_WINDOW): Promise<ContainerInspect> {
  ctx.progress('starting')
  await step(ctx, 'start failed', () => ctx.docker.startContainer(id))
  ctx.emit('container:start', {id})
  let last: ContainerInspect | undefined
  for (let i = 0; i < window.polls; i++) {
    if (i > 0) await delay(window.intervalMs)
    last = await step(ctx, 'inspect failed', () => ctx.docker.inspectContainer(id))
    if (last?.State.Running) return last
    const gone = last && ['exited', 'dead'].includes(last.State.Status) && ctx.container.restart.name === 'no'
    if (gone) break
  }
  const why = last ? `${last.State.Status}, exit code ${last.State.ExitCode}${last.State.Error ? `: ${last.State.Error}` : ''}` : 'status could not be obtained'
  const logTail = await readLogTail(ctx.docker, id)
  throw new MaestroError('MAESTRO_ACTION_FAILED', `${ctx.container.name}: container did not start (${why})`, {hint: logsHint(ctx.container.name), logTail})
}

export async function stopContainer(ctx: TaskContext, id: string): Promise<void> {
  ctx.progress('stopping')
  await step(ctx, 'stop failed', () => ctx.docker.stopContainer(id, ctx.container.stopTimeout))
  ctx.emit('container:stop', {id})
  await clearNotReady(ctx, id)
}

export async function killContainer(ctx: TaskContext, id: string): Promise<void> {
  ctx.progress('killing')
  await step(ctx, 'kill failed', () => ctx.docker.killContainer(id))
  ctx.emit('container:kill', {id})
  await clearNotReady(ctx, id)
}
