import {EventEmitter} from 'eventemitter3'
import type {EventName, EventPayload, EventSource, Listener, MaestroEvents} from '../api/events.js'

type AnyListener = (payload: unknown) => void

/**
 * eventemitter3 with isolated listeners: a listener that throws (or rejects) does not stop the others or
 * the emitter; its error is re-emitted as `plugin:error`. Pending async listeners are tracked so the kernel
 * can wait for them before exit. Wrappers are kept per (event, listener), and forgotten when removed or when a
 * `once` listener has fired.
 */
export class EventBus implements EventSource {
  private readonly emitter = new EventEmitter<MaestroEvents>()
  private readonly wrapped = new Map<string, Map<AnyListener, AnyListener[]>>()
  private readonly pending = new Set<Promise<unknown>>()

  constructor(private readonly owner: (listener: AnyListener) => string = () => 'unknown') {}

  on<E extends EventName>(event: E, listener: Listener<E>): this {
    this.emitter.on(event, this.wrap(event, listener as AnyListener, false) as never)
    return this
  }

  once<E extends EventName>(event: E, listener: Listener<E>): this {
    this.emitter.once(event, this.wrap(event, listener as AnyListener, true) as never)
    return this
  }

  /** Removes one subscription of `listener` to `event` (the latest), leaving its other events alone. */
  off<E extends EventName>(event: E, listener: Listener<E>): this {
    const w = this.forget(event, listener as AnyListener)
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

  /** How many (event, listener) wrappers the bus holds: what `off` and fired `once`s must release. */
  get wrapperCount(): number {
    let n = 0
    for (const byListener of this.wrapped.values()) for (const ws of byListener.values()) n += ws.length
    return n
  }

  private forget(event: string, listener: AnyListener, w?: AnyListener): AnyListener | undefined {
    const byListener = this.wrapped.get(event)
    const ws = byListener?.get(listener)
    if (!byListener || !ws) return undefined
    const i = w === undefined ? ws.length - 1 : ws.indexOf(w)
    if (i < 0) return undefined
    const [removed] = ws.splice(i, 1)
    if (ws.length === 0) byListener.delete(listener)
    if (byListener.size === 0) this.wrapped.delete(event)
    return removed
  }

  private wrap(event: string, listener: AnyListener, once: boolean): AnyListener {
    const fail = (error: unknown): void => {
      if (event === 'plugin:error') return
      this.emit('plugin:error', {plugin: this.owner(listener), event, error})
    }
    const w: AnyListener = (payload) => {
      if (once) this.forget(event, listener, w)
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
    const byListener = this.wrapped.get(event) ?? new Map<AnyListener, AnyListener[]>()
    this.wrapped.set(event, byListener)
    byListener.set(listener, [...(byListener.get(listener) ?? []), w])
    return w
  }
}
