import type {MaestroPlugin} from '../api/plugin.js'
import type {MaestroError} from '../api/errors.js'
import type {Token} from '../api/tokens.js'
import type {EventName, EventPayload, EventSource} from '../api/events.js'

/** A kernel with only the given plugins and no environment file: what a plugin's own tests need. */
export interface PluginHarness {
  /** Every provider registered under a token, in plugin order. */
  resolveAll<T>(token: Token<T>): T[]
  /** The real event bus: listeners are isolated, as in a command run. */
  readonly events: EventSource
  /** Emits an event as the engine would (payloads are typed by the event catalogue). */
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void
  /** Resolves when every async listener has settled. */
  drain(): Promise<void>
  /** Plugins that were skipped (one coded MaestroError each), as a CLI run would skip them. */
  readonly problems: readonly MaestroError[]
}

/** Boots the plugin kernel with `plugins`, admitted as the CLI admits them (API range, duplicates, dependencies, register()). */
export async function bootPlugins(plugins: readonly MaestroPlugin[]): Promise<PluginHarness> {
  const {Kernel} = await import('../kernel/kernel.js')
  const kernel = await Kernel.boot({plugins})
  return {
    resolveAll: (token) => kernel.resolveAll(token),
    events: kernel.events,
    emit: (event, payload) => kernel.bus.emit(event, payload),
    drain: () => kernel.dispose(),
    problems: kernel.problems,
  }
}
