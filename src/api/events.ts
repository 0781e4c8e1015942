/**
 * The lifecycle event catalogue (docs/plugins.md). Every event carries one readonly payload.
 * Play events carry `playId` and `at` (epoch ms). Ordering guarantees:
 *  - `play:start` precedes every task event of that play; `play:end` follows all of them.
 *  - Per container: `task:start` < (`task:progress` | `container:*` | `check:*` | `image:pull`)* < exactly one of
 *    `task:end` (outcome ok) or `task:fail`; a container never started because the play stopped early gets `task:skip`.
 *  - A container whose request went unanswered (its ship was lost) ends last, once the play has read its ship again:
 *    `task:end` with the state found, or `task:fail` with `outcome: 'unknown'`.
 *  - `task:wait` (if any) precedes that container's `task:start`.
 *  - Exception (API 1.7): a failed update's rollback puts back instances whose tasks had ended; their rollback steps
 *    (`task:progress`, `container:*`, `check:*`) follow their `task:end` and precede the service's `update:rollback`.
 */
import type {ConfigIssue, MaestroError} from './errors.js'
import type {CheckSpec, Environment, LifecycleState, UpdateOrder} from '../model/types.js'

export type Action = 'status' | 'start' | 'stop' | 'kill' | 'restart' | 'clean' | 'pull' | 'plan' | 'rollback'

/** Outcome words are the upstream status vocabulary (reference §1), so scripts grepping them keep working. */
export type Outcome =
  | 'started' | 'up' | 'running' | 'down' | 'stopped' | 'killed' | 'removed' | 'absent' | 'skipped'
  | 'pulled' | 'up to date' | 'created' | 'recreated' | 'host down' | 'unchanged'
  /** status: running, but it failed its running checks and `--keep-failed` left it so (API 1.3). */
  | 'not ready'

export interface ContainerRef {
  readonly name: string
  readonly service: string
  readonly ship: string
  readonly image: string
}

interface PlayScoped {
  readonly playId: string
  readonly at: number
}

export interface PlayStart extends PlayScoped {
  readonly command: Action
  readonly containers: readonly ContainerRef[]
  readonly concurrency: number
  readonly ordered: boolean
  readonly direction: 'forward' | 'reverse' | 'none'
  readonly environment: string
  readonly user: string
}

/**
 * Each container counts once in `succeeded` (task:end), `failed` (task:fail) or `skipped` (task:skip, never attempted);
 * `unknown` and `aborted` say how many of the `failed` are of that kind (TaskFail.outcome).
 */
export interface PlayStats {
  readonly total: number
  readonly succeeded: number
  readonly failed: number
  readonly skipped: number
  /** Of `failed`: requests that went unanswered, their ship not read again (API 1.3). */
  readonly unknown?: number
  /** Of `failed`: actions the interruption cut short (API 1.3). */
  readonly aborted?: number
  readonly durationMs: number
  readonly outcomes: Readonly<Record<string, number>>
}

export interface PlayEnd extends PlayScoped {
  readonly command: Action
  readonly containers: readonly ContainerRef[]
  readonly stats: PlayStats
  readonly error?: MaestroError
  readonly interrupted: boolean
}

/**
 * A command failed before or outside a play (an unreachable ship, a lock, an unknown container): no `play:start`
 * came, or the failure is not one `play:end` or `config:error` already carried. Emitted at most once per failure.
 */
export interface PlayError {
  /** The command that failed (`start`, `stop` …; for the CLI, the verb as typed). */
  readonly command: string
  /** The environment's name when the file was loaded. */
  readonly environment?: string
  readonly error: MaestroError
  readonly at: number
}

export interface TaskStart extends PlayScoped {
  readonly container: ContainerRef
  readonly action: Action
  /** 0-based position of the container in the play's list order. */
  readonly index: number
}

export interface TaskWait extends PlayScoped {
  readonly container: ContainerRef
  readonly waitingOn: readonly string[]
}

export interface TaskProgress extends PlayScoped {
  readonly container: ContainerRef
  readonly action: Action
  /** Short present-tense text, e.g. `pulling image (42%)`, `waiting for running checks`. */
  readonly message: string
}

export interface TaskEnd extends PlayScoped {
  readonly container: ContainerRef
  readonly action: Action
  readonly outcome: Outcome
  /** Extra words shown after the outcome, e.g. `for 3m2s` or a drift summary. */
  readonly detail?: string
  /** Short container id when one exists. */
  readonly id?: string
  readonly durationMs: number
  /** Arbitrary facts for machine-readable reporters (status uses it for state, drift, ports). */
  readonly data?: Readonly<Record<string, unknown>>
}

/**
 * What a `task:fail` is (API 1.3): `failed`, the action failed; `unknown`, its ship stopped answering after a request
 * was sent and could not be read again before the play ended, so what the container is now is not known; `aborted`,
 * the interruption (a signal, `--timeout`) cut the action short.
 */
export type FailOutcome = 'failed' | 'unknown' | 'aborted'

export interface TaskFail extends PlayScoped {
  readonly container: ContainerRef
  readonly action: Action
  readonly error: MaestroError
  readonly durationMs: number
  /** Absent from plugins written before API 1.3: read it as `failed`. */
  readonly outcome?: FailOutcome
}

export interface TaskSkip extends PlayScoped {
  readonly container: ContainerRef
  readonly action: Action
  /** What stopped the play: a failure (`aborted`) or an interruption. */
  readonly reason: 'aborted' | 'interrupted'
  /** Why in words, e.g. `web-1 failed`, `interrupted by SIGTERM` (API 1.3). */
  readonly detail?: string
}

export interface ContainerEvent extends PlayScoped {
  readonly container: ContainerRef
  readonly id?: string
}

export interface ImagePull extends PlayScoped {
  readonly container?: ContainerRef
  readonly ship: string
  readonly image: string
  readonly status: string
  readonly percent?: number
}

export interface CheckEvent extends PlayScoped {
  readonly container: ContainerRef
  readonly state: LifecycleState
  readonly check: CheckSpec
  readonly attempt?: number
  readonly error?: string
}

export interface TransportEvent {
  readonly ship: string
  readonly kind: string
  readonly endpoint: string
  readonly at: number
}

export interface ConfigLoaded {
  readonly file: string
  readonly environment: Environment
  readonly warnings: readonly ConfigIssue[]
}

export interface ConfigFailed {
  readonly file: string
  readonly error: MaestroError
}

export interface PluginErrorEvent {
  readonly plugin: string
  readonly event: string
  readonly error: unknown
}

export interface LogEvent {
  readonly level: 'debug' | 'info' | 'warn' | 'error'
  readonly source: string
  readonly message: string
}

/** Who holds an environment's deploy lock (the labels of its marker). */
export interface LockHolderInfo {
  readonly user: string
  readonly host: string
  readonly pid: number
  /** Epoch ms when the lock was taken. */
  readonly since: number
  readonly command: string
  readonly token: string
}

interface LockScoped {
  readonly environment: string
  /** The ship the marker lives on. */
  readonly ship: string
  readonly holder: LockHolderInfo
  readonly at: number
}

export interface LockAcquired extends LockScoped {
  readonly waitedMs: number
}

export interface LockWaiting extends LockScoped {
  /** Why the holder looks gone, when it does (the lock is still not taken over). */
  readonly stale?: string
  readonly timeoutSeconds: number
}

export interface LockRefused extends LockScoped {
  readonly stale?: string
  readonly error: MaestroError
}

export interface LockReleased extends LockScoped {
  /** Removed by someone other than its holder (reserved for a future `maestro lock release`). */
  readonly forced?: boolean
}

/** One instance's replacement under its service's `update:` block took its slot and begins (API 1.7). */
export interface UpdateReplace extends PlayScoped {
  readonly container: ContainerRef
  readonly order: UpdateOrder
  /** Short id of the container being replaced. */
  readonly oldId: string
  /** 1-based count of replacements of this service begun in this play, this one included. */
  readonly batch: number
}

/** The new container passed its running checks; the `monitor` window of `ms` begins (API 1.7). */
export interface UpdateMonitor extends PlayScoped {
  readonly container: ContainerRef
  /** Short id of the new container. */
  readonly id: string
  readonly ms: number
}

/** An instance's replacement succeeded (API 1.7). */
export interface UpdateReplaced extends PlayScoped {
  readonly container: ContainerRef
  readonly order: UpdateOrder
  readonly oldId: string
  readonly newId: string
  /** The Docker name the replaced container is kept under, stopped, as the instance's way back. */
  readonly previous?: string
  readonly durationMs: number
}

/** An instance's replacement failed; `then` is what the update does about it (its `failure_action`, API 1.7). */
export interface UpdateFailed extends PlayScoped {
  readonly container: ContainerRef
  readonly error: MaestroError
  readonly then: 'rollback' | 'pause' | 'continue'
}

/** Previous containers were put back (API 1.7): after a failed batch (`failure_action: rollback`) or by `maestro rollback`. */
export interface UpdateRollback extends PlayScoped {
  readonly service: string
  readonly trigger: 'failure' | 'command'
  /** Why, in words: the failure's message (with `failure`), or `maestro rollback`. */
  readonly reason: string
  /** Each instance put back: its restored container's short id, and the short id of the one it replaced, if any. */
  readonly restored: readonly {readonly container: ContainerRef; readonly id: string; readonly removedId?: string}[]
  /** Instances whose previous container could not be put back, with why. */
  readonly failed: readonly {readonly container: ContainerRef; readonly error: string}[]
}

/** A service's update stopped where it was (`failure_action: pause`, API 1.7); `pending` were not replaced. */
export interface UpdatePause extends PlayScoped {
  readonly service: string
  readonly reason: string
  readonly pending: readonly string[]
  /** How to go on, in words (the commands to resume or roll back). */
  readonly hint: string
}

export interface MaestroEvents {
  'config:loaded': [e: ConfigLoaded]
  'config:error': [e: ConfigFailed]
  'play:start': [e: PlayStart]
  'play:end': [e: PlayEnd]
  'play:error': [e: PlayError]
  'task:wait': [e: TaskWait]
  'task:start': [e: TaskStart]
  'task:progress': [e: TaskProgress]
  'task:end': [e: TaskEnd]
  'task:fail': [e: TaskFail]
  'task:skip': [e: TaskSkip]
  'image:pull': [e: ImagePull]
  'container:create': [e: ContainerEvent]
  'container:start': [e: ContainerEvent]
  'container:stop': [e: ContainerEvent]
  'container:kill': [e: ContainerEvent]
  'container:remove': [e: ContainerEvent]
  'check:start': [e: CheckEvent]
  'check:pass': [e: CheckEvent]
  'check:fail': [e: CheckEvent]
  'transport:open': [e: TransportEvent]
  'transport:close': [e: TransportEvent]
  'lock:acquired': [e: LockAcquired]
  'lock:waiting': [e: LockWaiting]
  'lock:refused': [e: LockRefused]
  'lock:released': [e: LockReleased]
  'update:replace': [e: UpdateReplace]
  'update:monitor': [e: UpdateMonitor]
  'update:replaced': [e: UpdateReplaced]
  'update:failed': [e: UpdateFailed]
  'update:rollback': [e: UpdateRollback]
  'update:pause': [e: UpdatePause]
  'plugin:error': [e: PluginErrorEvent]
  log: [e: LogEvent]
}

export type EventName = keyof MaestroEvents
export type EventPayload<E extends EventName> = MaestroEvents[E][0]
export type Listener<E extends EventName> = (payload: EventPayload<E>) => void | Promise<void>

/** The subscribe-only view of the bus that plugins receive. */
export interface EventSource {
  on<E extends EventName>(event: E, listener: Listener<E>): this
  once<E extends EventName>(event: E, listener: Listener<E>): this
  off<E extends EventName>(event: E, listener: Listener<E>): this
}

export const EVENT_NAMES: readonly EventName[] = [
  'config:loaded', 'config:error', 'play:start', 'play:end', 'play:error', 'task:wait', 'task:start', 'task:progress',
  'task:end', 'task:fail', 'task:skip', 'image:pull', 'container:create', 'container:start', 'container:stop',
  'container:kill', 'container:remove', 'check:start', 'check:pass', 'check:fail', 'transport:open',
  'transport:close', 'lock:acquired', 'lock:waiting', 'lock:refused', 'lock:released', 'update:replace', 'update:monitor',
  'update:replaced', 'update:failed', 'update:rollback', 'update:pause', 'plugin:error', 'log',
]
