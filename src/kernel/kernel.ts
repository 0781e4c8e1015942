import {container as rootContainer, type DependencyContainer} from './di.js'
import {EventBus} from './event-bus.js'
import {registerPlugins, makeResolver, type RegisteredPlugin} from './plugin-host.js'
import {Tokens, type Token} from '../api/tokens.js'
import {MaestroError} from '../api/errors.js'
import type {MaestroPlugin} from '../api/plugin.js'
import type {Logger} from '../api/contracts.js'
import type {EventSource, LogEvent} from '../api/events.js'

export interface KernelOptions {
  readonly plugins: readonly MaestroPlugin[]
  /** Per-plugin options (the environment file's `plugins:` key). */
  readonly pluginOptions?: Readonly<Record<string, Readonly<Record<string, unknown>>>>
}

/**
 * Owns the DI container, the event bus and the registered plugins. One kernel per command run
 * (or per library session); `dispose()` releases what plays opened.
 */
export class Kernel {
  readonly bus: EventBus
  private readonly container: DependencyContainer
  private registered: RegisteredPlugin[] = []
  private readonly owners = new WeakMap<object, string>()

  private constructor() {
    this.container = rootContainer.createChildContainer()
    this.bus = new EventBus((l) => this.owners.get(l) ?? 'core')
  }

  static async boot(options: KernelOptions): Promise<Kernel> {
    const k = new Kernel()
    k.registered = await registerPlugins(
      options.plugins,
      k.container,
      (name) => k.eventsFor(name),
      (name) => k.loggerFor(name),
      (name) => options.pluginOptions?.[name] ?? {},
    )
    return k
  }

  get plugins(): readonly RegisteredPlugin[] {
    return this.registered
  }

  get events(): EventSource {
    return this.bus
  }

  resolveAll<T>(token: Token<T>): T[] {
    return makeResolver(this.container).resolveAll(token)
  }

  /** The first provider for which `accepts` is true (Rollup's hookFirst in DI). */
  first<T>(token: Token<T>, accepts: (p: T) => boolean, what: string): T {
    const found = this.resolveAll(token).find(accepts)
    if (!found) throw new MaestroError('MAESTRO_NO_PROVIDER', `no plugin provides ${what}`)
    return found
  }

  loggerFor(source: string): Logger {
    const send = (level: LogEvent['level']) => (message: string) => this.bus.emit('log', {level, source, message})
    return {debug: send('debug'), info: send('info'), warn: send('warn')}
  }

  get log(): Logger {
    return this.loggerFor('core')
  }

  private eventsFor(plugin: string): EventSource {
    const bus = this.bus
    const owners = this.owners
    const view: EventSource = {
      on(event, listener) {
        owners.set(listener, plugin)
        bus.on(event, listener)
        return view
      },
      once(event, listener) {
        owners.set(listener, plugin)
        bus.once(event, listener)
        return view
      },
      off(event, listener) {
        bus.off(event, listener)
        return view
      },
    }
    return view
  }

  async dispose(): Promise<void> {
    await this.bus.drain()
  }
}

export {Tokens}
