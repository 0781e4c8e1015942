import {EventEmitter} from 'eventemitter3'
import type {EventName, EventPayload, EventSource, Listener, MaestroEvents} from '../api/events.js'

type AnyListener = (payload: unknown) => void

/**
 * eventemitter3 with isolated listeners: a listener that throws (or rejects) does not stop the others or
 * the emitter; its error is re-emitted as `plugin:error`. Pending async listeners are tracked so the kernel
 * can wait for them before exit.
 */
export class EventBus implements EventSource {
  private readonly emitter = new EventEmitter<MaestroEvents>()
  private readonly wrapped = new Map<AnyListener, AnyListener>()
  private readonly pending = new Set<Promise<unknown>>()

  constructor(private readonly owner: (listener: AnyListener) => string = () => 'unknown') {}

  on<E extends EventName>(event: E, listener: Listener<E>): this {
    this.emitter.on(event, this.wrap(event, listener as AnyListener) as never)
    return this
  }

  once<E extends EventName>(event: E, listener: Listener<E>): this {
    this.emitter.once(event, this.wrap(event, listener as AnyListener) as never)
    return this
  }

  off<E extends EventName>(event: E, listener: Listener<E>): this {
    const w = this.wrapped.get(listener as AnyListener)
    if (w) this.emitter.off(event, w as never)
    return this
  }

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    ;(this.emitter.emit as (e: string, p: unknown) => boolean)(event, payload)
  }

  /** Resolves when every async listener started so far has settled. */
  async drain(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending])
  }

  listenerCount(event: EventName): number {
    return this.emitter.listenerCount(event)
  }

  private wrap(event: string, listener: AnyListener): AnyListener {
    const fail = (error: unknown): void => {
      if (event === 'plugin:error') return
      this.emit('plugin:error', {plugin: this.owner(listener), event, error})
    }
    const w: AnyListener = (payload) => {
      try {
        const r = listener(payload) as unknown
        if (r && typeof (r as Promise<unknown>).then === 'function') {
          const p = (r as Promise<unknown>).catch(fail).finally(() => this.pending.delete(p))
          this.pending.add(p)
        }
      } catch (error) {
        fail(error)
      }
    }
    this.wrapped.set(listener, w)
    return w
  }
}
