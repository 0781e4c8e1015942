import type {UpdateConfig} from '../model/types.js'
import type {TaskContext} from './context.js'
import {delay} from './wait.js'

/**
 * The slots of one service's update (Swarm's updater): at most `parallelism` instances are replaced at once, and a
 * slot waits `delay` after its replacement before it takes the next instance. Failures are counted against
 * `max_failure_ratio`.
 */
export class UpdateGate {
  private free: number
  private readonly queue: (() => void)[] = []
  failures = 0

  constructor(readonly config: UpdateConfig, readonly instances: number) {
    this.free = config.parallelism === 0 ? Infinity : config.parallelism
  }

  async acquire(signal: AbortSignal): Promise<void> {
    if (this.free > 0) {
      this.free--
      return
    }
    await new Promise<void>((resolve, reject) => {
      const onAbort = (): void => {
        this.queue.splice(this.queue.indexOf(grant), 1)
        reject(signal.reason)
      }
      const grant = (): void => {
        signal.removeEventListener('abort', onAbort)
        resolve()
      }
      signal.addEventListener('abort', onAbort, {once: true})
      this.queue.push(grant)
    })
  }

  /** Frees the slot once the delay has passed (at once when aborted: nothing new starts then anyway). */
  release(signal: AbortSignal): void {
    const hand = (): void => {
      const next = this.queue.shift()
      if (next) next()
      else this.free++
    }
    if (this.config.delayMs > 0) void delay(this.config.delayMs, signal).then(hand, hand)
    else hand()
  }

  /** Records a failed replacement; true while failures stay within max_failure_ratio or failure_action is continue. */
  tolerates(): boolean {
    this.failures++
    return this.config.failureAction === 'continue' || this.failures / this.instances <= this.config.maxFailureRatio
  }
}

/** The play's one gate for the container's service, or undefined when the service has no `update:` block. */
export function updateGate(ctx: TaskContext): Promise<UpdateGate> | undefined {
  const service = ctx.environment.services[ctx.container.service]
  const config = service?.update
  if (!config) return undefined
  return ctx.once(`update-gate:${service.name}`, async () => new UpdateGate(config, service.instances.length))
}
