import type {EventSource} from './events.js'
import type {Logger} from './contracts.js'
import type {Token} from './tokens.js'

/** The plugin API version. A plugin's `api` range must accept it (major must match). */
export const API_VERSION = '1.3.0'

export type Provider<T> =
  | {readonly useValue: T}
  | {readonly useFactory: (resolver: Resolver) => T}
  | {readonly useClass: new (...args: never[]) => T}

export interface Resolver {
  resolve<T>(token: Token<T>): T
  resolveAll<T>(token: Token<T>): T[]
}

/** Register-only view of the DI container. */
export interface Registry {
  register<T>(token: Token<T>, provider: Provider<T>): void
}

export interface PluginContext {
  readonly registry: Registry
  readonly events: EventSource
  /** From the environment file's top-level `plugins: {<name>: {...}}`, when a file is loaded. */
  readonly options: Readonly<Record<string, unknown>>
  readonly log: Logger
}

export interface MaestroPlugin {
  /** Unique name, e.g. `maestro-transport-ssh`. */
  readonly name: string
  /** Semver range of API_VERSION this plugin was written for, e.g. `^1.0.0` or `1.x`. */
  readonly api: string
  /** Plugins that must register first. */
  readonly dependencies?: readonly string[]
  readonly order?: 'pre' | 'post'
  register(context: PluginContext): void | Promise<void>
}

/** Identity function that gives plugin authors type inference. */
export const definePlugin = <P extends MaestroPlugin>(plugin: P): P => plugin

/** The oclif hook every plugin package declares: `oclif.hooks["maestro:plugins"]`. */
export const PLUGIN_HOOK = 'maestro:plugins'
