import type {AbsentDependency} from '../plan/absent-dependencies.js'
import type {Action, FailOutcome, Outcome, PlayStats} from '../api/events.js'
import type {TransportFlags} from '../api/contracts.js'
import type {ExitCode, MaestroError} from '../api/errors.js'
import type {OrphanOutcome} from '../plan/decide-orphan.js'

export interface PlayOptions {
  /** `-r`: always pull before creating. */
  readonly refreshImages?: boolean
  /** `--reuse`: start an existing stopped container instead of recreating it. */
  readonly reuse?: boolean
  /** `--keep-failed`: leave a container that failed its running checks running (default: it is stopped). */
  readonly keepFailed?: boolean
  /** `--converge`: recreate running containers whose configuration changed. */
  readonly converge?: boolean
  /** restart `--step-delay` in seconds, before each container but the first in list order. */
  readonly stepDelay?: number
  /** restart `--stop-start-delay` in seconds. */
  readonly stopStartDelay?: number
  /** restart `--only-if-changed`: skip running containers already on the configured image. */
  readonly onlyIfChanged?: boolean
  /** `--remove-orphans` (start, clean): remove the containers of services or instances removed from the file. */
  readonly removeOrphans?: boolean
  /** status `-F`: probe each port of the container from here. */
  readonly full?: boolean
  /** clean `--previous`: also remove the instances' previous containers. */
  readonly previous?: boolean
  /** rollback: things were named, so every selected instance must have a previous container. */
  readonly named?: boolean
}

export interface PlayRequest {
  readonly command: Action
  /** Already selected (src/graph/select.ts), in list order. */
  readonly containers: readonly string[]
  /** `-c`; unlimited when absent or not positive. */
  readonly concurrency?: number
  /** `-i`: no ordering constraints at all. */
  readonly ignoreDependencies?: boolean
  readonly options: PlayOptions
  /** Ctrl-C: nothing new starts, in-flight work finishes, exit 130. */
  readonly signal?: AbortSignal
  /** Flags passed to transports (e.g. `--accept-new-host-keys`). */
  readonly transportFlags?: TransportFlags
  /** Scheduler to use, by name (default `dag`). */
  readonly scheduler?: string
  /** Variables for transports (default process.env). */
  readonly env?: Readonly<Record<string, string | undefined>>
  /** The deploy lock a command that changes containers takes (docs/orchestration.md "Deploy lock"). */
  readonly lock?: LockRequest
}

export interface LockRequest {
  /** Seconds to wait for another run's lock (default 0: fail at once, exit 5). */
  readonly timeoutSeconds?: number
  /** The command the lock names as its holder's (default: the play's command; `down` for both of its plays). */
  readonly command?: string
}

export interface ContainerResult {
  readonly status: 'ok' | 'failed' | 'skipped'
  readonly outcome?: Outcome
  readonly detail?: string
  readonly id?: string
  readonly data?: Readonly<Record<string, unknown>>
  readonly error?: MaestroError
  /** What kind of failure (status `failed`): see TaskFail.outcome. */
  readonly failure?: FailOutcome
  /** Why it was not attempted (status `skipped`), e.g. `web-1 failed`. */
  readonly reason?: string
}

export interface PlayResult {
  /** Every container of the request, in list order. */
  readonly outcomes: Map<string, ContainerResult>
  readonly stats: PlayStats
  readonly exitCode: ExitCode
  /** Why the play failed or stopped (the first fatal error, or the interruption). */
  readonly error?: MaestroError
  /** Engine API requests per ship during the play (bench and tests read it). */
  readonly requests: Readonly<Record<string, number>>
  /**
   * The environment's containers the file does not place where they are (status, start, stop, kill, clean list
   * every ship of the file for them), and what the play did to each.
   */
  readonly orphans: readonly OrphanOutcome[]
  /** Ships outside the play that could not be listed: their orphans are not known. */
  readonly unseen: readonly string[]
  /** Unselected dependencies (start) that are not running: the CLI warns about each. */
  readonly absentDependencies?: readonly AbsentDependency[]
}
