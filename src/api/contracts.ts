/** Extension-point contracts. Plugins register implementations of these under the tokens in tokens.ts. */
import type {Writable} from 'node:stream'
import type {DockerClient} from './docker.js'
import type {EventSource, ContainerRef} from './events.js'
import type {CheckSpec, Container, Environment, LifecycleState, Ship, SourceLoc} from '../model/types.js'

// ---------- loader (kind: first) ----------

export interface LoadOptions {
  /** Variables visible to templates as `env` (normally process.env). */
  readonly env: Readonly<Record<string, string | undefined>>
  /** Text to use instead of reading the file (the file is `-`). */
  readonly stdin?: string
}

/** What a loader returns: the parsed document plus enough to point at any node of it. */
export interface LoadedDocument {
  /** Absolute path, or `<stdin>`. */
  readonly file: string
  readonly baseDir: string
  /** The text YAML parsed (after templating). */
  readonly rendered: string
  readonly templated: boolean
  /** Values the template read from `env` (process environment): treated as secrets wherever they appear. */
  readonly envValuesRead?: readonly string[]
  /** Plain JS data (YAML 1.1 semantics). */
  readonly data: unknown
  /** Location of the value at a key path, e.g. ['services','web','instances','web-1','ship']. */
  locate(path: readonly (string | number)[], which?: 'key' | 'value'): SourceLoc | undefined
  /** The line (1-based) to quote in an error: for a templated file, never rendered text that holds an `env.` value. */
  line(n: number): string | undefined
}

export interface ConfigLoader {
  readonly name: string
  canLoad(file: string): boolean
  load(file: string, options: LoadOptions): Promise<LoadedDocument>
}

// ---------- transport (kind: first) ----------

/** Command-line choices that transports honour, one spelling from the flag to the transport. */
export interface TransportFlags {
  /** `--accept-new-host-keys`: trust a host key on first use (never a changed one). */
  readonly acceptNewHostKeys: boolean
}

export const NO_TRANSPORT_FLAGS: TransportFlags = {acceptNewHostKeys: false}

export interface TransportContext {
  readonly flags: TransportFlags
  readonly env: Readonly<Record<string, string | undefined>>
  readonly baseDir: string
  readonly log: Logger
}

export interface Transport {
  readonly name: string
  /** True when this transport reaches the ship (e.g. ssh handles ships with ssh_tunnel). */
  canHandle(ship: Ship): boolean
  /** Opens (lazily, once per ship per command) a client. Must not throw on a down host until a call is made. */
  connect(ship: Ship, context: TransportContext): DockerClient
}

// ---------- scheduler (kind: first, selected by name) ----------

export interface ScheduleNode {
  readonly id: string
  /** Ids that must complete successfully before this one runs (already restricted to the play). */
  readonly after: readonly string[]
}

export interface ScheduleOptions {
  /** Max actions at once; Infinity for no cap. Nodes waiting on dependencies hold no slot. */
  readonly concurrency: number
  readonly signal: AbortSignal
  onWait?(id: string, waitingOn: readonly string[]): void
}

export type NodeResult = {readonly status: 'done'} | {readonly status: 'failed'; readonly error: unknown} | {readonly status: 'aborted'}

export interface Scheduler {
  readonly name: string
  /**
   * Runs `work` for every node, each after its `after` nodes are done. On the first failure or abort,
   * nothing new starts, in-flight work finishes, and the rest is reported `aborted`.
   */
  run(nodes: readonly ScheduleNode[], options: ScheduleOptions, work: (id: string) => Promise<void>): Promise<ReadonlyMap<string, NodeResult>>
}

// ---------- reporter (selected by --reporter name[=target]) ----------

export interface ReporterContext {
  /** The stream the reporter writes to: stdout, or the file given as `name=path`. */
  readonly out: Writable
  readonly target?: string
  readonly isTTY: boolean
  readonly color: boolean
  /** `--progress auto|tty|plain` resolved to tty or plain. */
  readonly progress: 'tty' | 'plain'
  readonly columns: number
  readonly options: Readonly<Record<string, unknown>>
  readonly showHosts: boolean
}

export interface Reporter {
  attach(events: EventSource): void
  /** Awaited before the process exits (flush files, close streams). */
  done?(): Promise<void>
}

export interface ReporterFactory {
  readonly name: string
  readonly description?: string
  create(context: ReporterContext): Reporter
}

// ---------- lifecycle checks (kind: first by type) ----------

export interface CheckContext {
  readonly environment: Environment
  readonly container: Container
  readonly ship: Ship
  readonly state: LifecycleState
  readonly docker: DockerClient
  /** The container's id once it exists. */
  readonly containerId?: string
  /** The environment the container receives, rendered (reference §3). */
  readonly containerEnv: Readonly<Record<string, string | null>>
  readonly signal: AbortSignal
  readonly log: Logger
  /** Called before each attempt. */
  onAttempt?(attempt: number): void
}

export interface LifecycleCheck {
  readonly type: string
  /** Validates the spec; returns problems as messages (reported at the check's YAML node). */
  validate?(spec: CheckSpec): readonly string[]
  /** Resolves when the check passes; rejects with a reason when it fails or is aborted. */
  run(spec: CheckSpec, context: CheckContext): Promise<void>
}

// ---------- audit notifiers ----------

export interface NotifierContext {
  readonly environment: Environment
  readonly log: Logger
  readonly user: string
}

export interface Notifier {
  attach(events: EventSource): void
  /** Awaited before exit; a rejection fails the command unless the entry sets ignore_errors. */
  done?(): Promise<void>
}

export interface NotifierFactory {
  readonly type: string
  /** Validates an `audit:` entry of this type when the file is loaded; problems are reported at the entry's YAML node. */
  validate?(spec: Readonly<Record<string, unknown>>): readonly string[]
  create(spec: Readonly<Record<string, unknown>>, context: NotifierContext): Notifier
}

// ---------- misc ----------

export interface Logger {
  debug(message: string): void
  info(message: string): void
  warn(message: string): void
}

export type {ContainerRef}
