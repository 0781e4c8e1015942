import type {EventSource} from './events.js'
import type {Logger} from './contracts.js'
import type {Token} from './tokens.js'

/** The plugin API version. A plugin's `api` range must accept it (major must match). */
export const API_VERSION = '1.7.0'

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
  /**
   * The plugin's options: its block `plugins: {<name>: {...}}` of the environment file, with the CLI's
   * `--plugin-option <name>.KEY=VALUE` (or the library's `pluginOptions`) over it, key by key.
   */
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
  /**
   * Checks the options before register() sees them. Each problem fails the command (exit 2), located at the
   * plugin's key of the file's `plugins:` block, or at `key` inside it.
   */
  validateOptions?(options: Readonly<Record<string, unknown>>): readonly OptionProblem[]
  register(context: PluginContext): void | Promise<void>
}

/** A problem with a plugin's options: a message, or a message about one key. */
export type OptionProblem = string | {readonly key: string; readonly message: string}

/** Identity function that gives plugin authors type inference. */
export const definePlugin = <P extends MaestroPlugin>(plugin: P): P => plugin

/** The oclif hook every plugin package declares: `oclif.hooks["maestro:plugins"]`. */
export const PLUGIN_HOOK = 'maestro:plugins'
