/**
 * Lifecycle checks of one state (reference §4): all in parallel through the `Tokens.Check` provider of each
 * `type`, all must pass. Meanwhile the container is watched (inspect every second): it must stay running for
 * `running`/`pre-stop` and stay down for `pre-start`/`stopped`, or the checks fail at once. For `running`, an
 * image HEALTHCHECK is also awaited healthy.
 */
import {describeError, isMaestroError} from '../api/errors.js'
import type {CheckContext, LifecycleCheck} from '../api/contracts.js'
import type {ContainerInspect} from '../api/docker.js'
import type {CheckSpec, LifecycleState} from '../model/types.js'
import type {TaskContext} from './context.js'
import {ContainerWatch, checkFailed, mustRun} from './container-watch.js'

export interface CheckRunOptions {
  readonly containerId?: string
  /** Wait for Docker to report the container healthy (its image defines a HEALTHCHECK). */
  readonly healthcheck?: boolean
  /** Watchdog poll interval (ms); 1000 unless a test speeds it up. */
  readonly pollMs?: number
  /** Give up waiting for healthy after this long (ms). */
  readonly healthTimeoutMs?: number
}

const HEALTH_CHECK: CheckSpec = {type: 'docker-healthcheck'}


export async function runChecks(ctx: TaskContext, state: LifecycleState, options: CheckRunOptions = {}): Promise<void> {
  const specs = ctx.container.lifecycle[state] ?? []
  const health = state === 'running' && options.healthcheck === true && options.containerId !== undefined
  if (specs.length === 0 && !health) return
  const plans = specs.map((spec) => {
    const provider = ctx.check(spec.type)
    if (!provider) throw checkFailed(`${ctx.container.name}: no lifecycle check plugin handles type "${spec.type}"`)
    return {spec, provider}
  })
  const ac = new AbortController()
  const stopAll = (): void => ac.abort(ctx.signal.reason)
  ctx.signal.addEventListener('abort', stopAll, {once: true})
  // aborted before the checks began (a signal while the container was being created): its event is already past
  if (ctx.signal.aborted) stopAll()
  const pollMs = options.pollMs ?? 1000
  const watcher = options.containerId === undefined ? undefined : new ContainerWatch(ctx, options.containerId, pollMs, ac.signal)
  const watch = watcher ? [watcher.run(state)] : []
  const containerEnv = Object.fromEntries(ctx.envPairs())
  const one = async (spec: CheckSpec, run: (signal: AbortSignal) => Promise<void>): Promise<void> => {
    ctx.emit('check:start', {state, check: spec})
    try {
      if (ac.signal.aborted) throw ac.signal.reason
      await run(ac.signal)
    } catch (error) {
      const reason = ac.signal.aborted && isMaestroError(ac.signal.reason) ? ac.signal.reason.message : describeError(error)
      ctx.emit('check:fail', {state, check: spec, error: reason})
      throw checkFailed(`${ctx.container.name}: ${state} check ${spec.type} failed: ${reason}`, error)
    }
    ctx.emit('check:pass', {state, check: spec})
  }
  const work = plans.map(({spec, provider}) => one(spec, (signal) => runOne(ctx, state, spec, provider, signal, containerEnv, options.containerId)))
  if (health && watcher) work.push(one(HEALTH_CHECK, (signal) => waitHealthy(ctx, watcher, options.healthTimeoutMs ?? 300_000, signal)))
  try {
    await Promise.race([Promise.all(work), ...watch])
  } catch (error) {
    ac.abort(error)
    await Promise.allSettled(work)
    throw isMaestroError(error) ? error : checkFailed(describeError(error), error)
  } finally {
    ac.abort()
    ctx.signal.removeEventListener('abort', stopAll)
  }
}

function runOne(ctx: TaskContext, state: LifecycleState, spec: CheckSpec, check: LifecycleCheck, signal: AbortSignal, containerEnv: Record<string, string | null>, containerId?: string): Promise<void> {
  const context: CheckContext = {
    environment: ctx.environment,
    container: ctx.container,
    ship: ctx.ship,
    state,
    docker: ctx.docker,
    containerId,
    containerEnv,
    signal,
    log: ctx.logger(`check:${spec.type}`),
    onAttempt: (attempt) => ctx.progress(`${state} check ${spec.type} (attempt ${attempt})`),
  }
  return check.run(spec, context)
}

async function waitHealthy(ctx: TaskContext, watch: ContainerWatch, timeoutMs: number, signal: AbortSignal): Promise<void> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const info = await watch.next(signal)
    const status = info?.State.Health?.Status
    if (status === 'healthy' || status === undefined) return
    if (status === 'unhealthy') throw new Error('Docker reports the container unhealthy')
    if (Date.now() > deadline) throw new Error(`not healthy after ${Math.round(timeoutMs / 1000)}s`)
    ctx.progress('waiting for healthy')
  }
}
