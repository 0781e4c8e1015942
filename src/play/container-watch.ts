import {MaestroError, type MaestroErrorOptions} from '../api/errors.js'
import type {ContainerInspect} from '../api/docker.js'
import type {LifecycleState} from '../model/types.js'
import type {TaskContext} from './context.js'
import {delay} from './wait.js'

export const mustRun = (state: LifecycleState): boolean => state === 'running' || state === 'pre-stop'

export const checkFailed = (message: string, cause?: unknown, more: Pick<MaestroErrorOptions, 'hint' | 'logTail'> = {}) =>
  new MaestroError('MAESTRO_CHECK_FAILED', message, {cause, ...more})

/** One inspect per poll, shared by the state watchdog and the health wait (not one each). */
export class ContainerWatch {
  private waiters: ((info: ContainerInspect | undefined) => void)[] = []

  constructor(private readonly ctx: Pick<TaskContext, 'docker' | 'container'>, private readonly id: string, private readonly pollMs: number, private readonly signal: AbortSignal) {}

  /** The next inspect result; rejects when the checks are aborted. */
  next(signal: AbortSignal): Promise<ContainerInspect | undefined> {
    return new Promise((resolve, reject) => {
      if (signal.aborted) return reject(signal.reason)
      const onAbort = (): void => reject(signal.reason)
      signal.addEventListener('abort', onAbort, {once: true})
      this.waiters.push((info) => {
        signal.removeEventListener('abort', onAbort)
        resolve(info)
      })
    })
  }

  /** Rejects when the container leaves the state the checks need; never resolves otherwise. */
  async run(state: LifecycleState): Promise<never> {
    for (;;) {
      // a daemon we cannot reach is that error, not "container stopped"
      const info = await this.ctx.docker.inspectContainer(this.id)
      const running = info?.State.Running === true
      if (running !== mustRun(state)) {
        const what = mustRun(state) ? `stopped (exit code ${info?.State.ExitCode ?? '?'})` : 'started'
        throw checkFailed(`${this.ctx.container.name}: container ${what} while waiting for ${state} checks`)
      }
      for (const w of this.waiters.splice(0)) w(info)
      await delay(this.pollMs, this.signal).catch(() => new Promise<never>(() => undefined))
    }
  }
}

