/** Records every event of a kernel's bus in order, as `event container` strings plus the payloads. */
import {EVENT_NAMES, type EventName} from '../../src/api/index.js'
import type {Kernel} from '../../src/kernel/kernel.js'

export interface Recorded {
  readonly event: EventName
  readonly payload: Record<string, unknown>
}

export class EventRecorder {
  readonly events: Recorded[] = []

  constructor(kernel: Kernel) {
    for (const event of EVENT_NAMES) kernel.events.on(event, (payload) => void this.events.push({event, payload: payload as unknown as Record<string, unknown>}))
  }

  /** `task:start db-1`, `play:start`, ... optionally only some events. */
  lines(filter?: (e: Recorded) => boolean): string[] {
    return this.events.filter(filter ?? (() => true)).map(({event, payload}) => {
      const c = payload.container as {name?: string} | undefined
      return c?.name ? `${event} ${c.name}` : event
    })
  }

  /** Container names of one event, in order. */
  of(event: EventName): string[] {
    return this.events.filter((e) => e.event === event).map((e) => (e.payload.container as {name: string}).name)
  }

  payloads(event: EventName): Record<string, unknown>[] {
    return this.events.filter((e) => e.event === event).map((e) => e.payload)
  }
}
