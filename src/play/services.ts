/** The few services a play needs, resolved once per play by whoever hosts it (the kernel); recipes see no more. */
import type {Logger, LifecycleCheck, Scheduler, Transport} from '../api/contracts.js'
import type {EventName, EventPayload} from '../api/events.js'

export interface PlayServices {
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void
  logger(source: string): Logger
  readonly transports: readonly Transport[]
  readonly checks: readonly LifecycleCheck[]
  readonly schedulers: readonly Scheduler[]
}

/** What runs plays: anything that can hand out the play services (the kernel, a test rig). */
export interface PlayHost {
  playServices(): PlayServices
}
