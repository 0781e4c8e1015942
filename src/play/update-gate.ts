import type {UpdateConfig} from '../model/types.js'
import type {TaskContext} from './context.js'
import {delay} from './wait.js'

export interface Verdict {
  readonly then: UpdateConfig['failureAction']
  /** This failure halted the update (a later one, while the first one's action runs, does nothing more). */
  readonly first: boolean
  readonly pending: readonly string[]
}

/** An instance this update replaced: its new container, and the previous one kept stopped as its way back. */
export interface Replaced {
  readonly ctx: TaskContext
  readonly previousId: string
  /** Undefined while a stop-first replacement has not created its new container yet. */
  newId?: string
}

/**
 * The slots of one service's update (Swarm's updater): at most `parallelism` instances are replaced at once, and a
 * slot waits `delay` after its replacement before it takes the next instance. Failures are counted against
 * `max_failure_ratio`; once the update is halted (paused or rolled back) no instance takes a slot any more.
 */
export class UpdateGate {
  private free: number
  private readonly queue: {readonly instance: string; readonly grant: (granted: boolean) => void}[] = []
  private active = 0
  private readonly idlers: (() => void)[] = []
  failures = 0
  /** Replacements begun in this play. */
  batches = 0
  /** Why the update stopped, once it did. */
  halted?: string
  /** The instances replaced (or being replaced) in this play whose previous container is kept. */
  readonly replaced: Replaced[] = []

  constructor(readonly config: UpdateConfig, readonly instances: number) {
    this.free = config.parallelism === 0 ? Infinity : config.parallelism
  }

  /** Takes a slot; false (without one) when the update was halted before a slot came. */
  async acquire(signal: AbortSignal, instance: string): Promise<boolean> {
    if (signal.aborted) throw signal.reason
    if (this.halted) return false
    if (this.free > 0) {
      this.free--
      this.active++
      return true
    }
    return new Promise<boolean>((resolve, reject) => {
      const onAbort = (): void => {
        this.queue.splice(this.queue.indexOf(entry), 1)
        reject(signal.reason)
      }
      const entry = {instance, grant: (granted: boolean): void => {
        signal.removeEventListener('abort', onAbort)
        if (granted) this.active++
        resolve(granted)
      }}
      signal.addEventListener('abort', onAbort, {once: true})
      this.queue.push(entry)
    })
  }

  /** Resolves once no replacement holds a slot. */
  idle(): Promise<void> {
    return this.active === 0 ? Promise.resolve() : new Promise((resolve) => this.idlers.push(resolve))
  }

  /** Frees the slot once the delay has passed (at once when aborted: nothing new starts then anyway). */
  release(signal: AbortSignal): void {
    if (--this.active === 0) for (const idle of this.idlers.splice(0)) idle()
    const hand = (): void => {
      const next = this.halted ? undefined : this.queue.shift()
      if (next) next.grant(true)
      else this.free++
    }
    if (this.config.delayMs > 0 && !this.halted) void delay(this.config.delayMs, signal).then(hand, hand)
    else hand()
  }

  /** Stops the update: instances waiting for a slot get none; their names. */
  halt(reason: string): string[] {
    this.halted ??= reason
    const waiting = this.queue.splice(0)
    for (const w of waiting) w.grant(false)
    return waiting.map((w) => w.instance)
  }

  /**
   * Records a failed replacement, before its slot is freed: what the update does about it (`continue` while
   * failures stay within max_failure_ratio), and when it stops, whether this failure stopped it and who was waiting.
   */
  failed(reason: string): Verdict {
    this.failures++
    const within = this.config.failureAction === 'continue' || this.failures / this.instances <= this.config.maxFailureRatio
    if (within) return {then: 'continue', first: false, pending: []}
    const first = this.halted === undefined
    const pending = this.halt(reason)
    return {then: this.config.failureAction, first, pending}
  }
}

/** The play's one gate for the container's service, or undefined when the service has no `update:` block. */
export function updateGate(ctx: TaskContext): Promise<UpdateGate> | undefined {
  const service = ctx.environment.services[ctx.container.service]
  const config = service?.update
  if (!config) return undefined
  return ctx.once(`update-gate:${service.name}`, async () => new UpdateGate(config, service.instances.length))
}
