import type {MaestroPlugin} from '../api/plugin.js'
import type {TransportFlags} from '../api/contracts.js'
import type {SelectCommand} from '../graph/select.js'
import type {PlayOptions} from '../play/types.js'

export interface OpenOptions {
  /** Variables templates see as `env` and transports read (default: process.env). */
  readonly env?: Readonly<Record<string, string | undefined>>
  /** Plugins to register after the built-in ones (reporters, transports, checks, notifiers, loaders…). */
  readonly plugins?: readonly MaestroPlugin[]
  /** Options by plugin name, over the file's `plugins:` blocks key by key (the CLI's --plugin-option). */
  readonly pluginOptions?: Readonly<Record<string, Readonly<Record<string, unknown>>>>
  /** The file's text when `file` is `-`. */
  readonly stdin?: string
  /** Attach the file's `audit:` notifiers, as the CLI does (default true). */
  readonly audit?: boolean
}

/** How `thing` names become containers (reference §1); the CLI's -d, -i, -C, -S, -s and -a. */
export interface SelectionOptions {
  /** Add dependencies (dependents for stop, kill and restart). */
  readonly withDependencies?: boolean
  /** No ordering, and no implicit dependencies when no things are named. */
  readonly ignoreDependencies?: boolean
  /** fnmatch glob on container names. */
  readonly containerFilter?: string
  /** fnmatch glob on ship names. */
  readonly shipFilter?: string
  /**
   * Let stop/kill/restart expand service names and act on everything when no things are named.
   * Default true in the library (the CLI asks for `-s`/`-a`, a guard for humans at a prompt).
   */
  readonly expandServices?: boolean
}

export interface SelectOptionsFor extends SelectionOptions {
  /** The command the selection is for (default `start`); it decides the dependency direction. */
  readonly command?: SelectCommand
}

export interface PlayCallOptions extends SelectionOptions, PlayOptions {
  /** At most this many actions at once (default: no cap). */
  readonly concurrency?: number
  /** Aborting stops starting new work; in-flight actions finish (the CLI's Ctrl-C). */
  readonly signal?: AbortSignal
  /** Flags transports honour, e.g. `{acceptNewHostKeys: true}`. */
  readonly transportFlags?: TransportFlags
  /** The scheduler plugin to order the play with (default `dag`), the CLI's --scheduler. */
  readonly scheduler?: string
  /** Seconds to wait for another run's deploy lock (default 0: fail at once with MAESTRO_LOCKED), the CLI's --lock-timeout. */
  readonly lockTimeout?: number
}
