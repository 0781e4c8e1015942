/**
 * The Docker Engine API as Maestro uses it. Transport plugins implement DockerClient;
 * the core only sees this interface (no HTTP, no sockets, no SSH in src/).
 * Field names follow the Engine API (API 1.41) so bodies pass through unchanged.
 */
import type {Readable, Writable} from 'node:stream'

export interface ContainerSummary {
  readonly Id: string
  readonly Names: readonly string[]
  readonly Image: string
  readonly ImageID: string
  readonly State: string
  readonly Status: string
  readonly Created: number
  readonly Labels: Readonly<Record<string, string>>
  readonly Ports?: readonly {IP?: string; PrivatePort: number; PublicPort?: number; Type: string}[]
}

export interface ContainerState {
  readonly Status: string
  readonly Running: boolean
  readonly Paused?: boolean
  readonly Restarting?: boolean
  readonly ExitCode: number
  readonly StartedAt: string
  readonly FinishedAt: string
  readonly Error?: string
  readonly Health?: {readonly Status: string}
}

export interface ContainerInspect {
  readonly Id: string
  readonly Name: string
  readonly Image: string
  readonly Created: string
  readonly State: ContainerState
  readonly Config: CreateContainerBody & {readonly Labels?: Readonly<Record<string, string>>}
  readonly HostConfig: HostConfig
  readonly NetworkSettings?: {readonly Ports?: Record<string, {HostIp: string; HostPort: string}[] | null>}
  readonly Mounts?: readonly {Type: string; Source: string; Destination: string; RW: boolean; Name?: string}[]
}

export interface ImageInspect {
  readonly Id: string
  readonly RepoTags?: readonly string[]
  readonly RepoDigests?: readonly string[]
  readonly Config?: {readonly Healthcheck?: {readonly Test?: readonly string[]}}
}

export interface HostConfig {
  Binds?: string[]
  PortBindings?: Record<string, {HostIp: string; HostPort: string}[]>
  VolumesFrom?: string[]
  Links?: string[]
  Privileged?: boolean
  CapAdd?: string[]
  CapDrop?: string[]
  SecurityOpt?: string[]
  ExtraHosts?: string[]
  NetworkMode?: string
  Dns?: string[]
  RestartPolicy?: {Name: string; MaximumRetryCount: number}
  Memory?: number
  MemorySwap?: number
  CpuShares?: number
  Ulimits?: {Name: string; Soft: number; Hard: number}[]
  LogConfig?: {Type: string; Config: Record<string, string>}
  LxcConf?: {Key: string; Value: string}[]
  [key: string]: unknown
}

export interface CreateContainerBody {
  Image: string
  Hostname?: string
  User?: string
  Env?: string[]
  Cmd?: string[]
  WorkingDir?: string
  Volumes?: Record<string, Record<string, never>>
  ExposedPorts?: Record<string, Record<string, never>>
  Labels?: Record<string, string>
  HostConfig?: HostConfig
  [key: string]: unknown
}

export interface NetworkInspect {
  readonly Id: string
  readonly Name: string
  readonly Driver?: string
  readonly Labels?: Readonly<Record<string, string>> | null
}

export interface CreateNetworkBody {
  Name: string
  Driver?: string
  CheckDuplicate?: boolean
  Labels?: Record<string, string>
}

export interface RegistryAuth {
  readonly username?: string
  readonly password?: string
  readonly email?: string
  readonly serveraddress?: string
  readonly identitytoken?: string
}

export interface PullProgress {
  readonly status: string
  /** 0..100, mean of layer progress, when known. */
  readonly percent?: number
}

export interface ExecResult {
  readonly exitCode: number
  /** stdout and stderr merged, as the container wrote them (the last 64 KiB): outside text, see inertText. */
  readonly output: string
}

export interface TerminalSize {
  readonly rows: number
  readonly columns: number
}

/** `maestro exec`: a process in a running container, attached to the caller's streams (as `docker exec`). */
export interface ExecAttachOptions {
  /** Allocate a pseudo-terminal (`-t`): output is raw, stderr arrives on stdout. */
  readonly tty: boolean
  /** Forwarded to the process's stdin (`-i`) until it ends; absent: the process gets no stdin. */
  readonly stdin?: Readable
  readonly stdout: Writable
  readonly stderr: Writable
  readonly user?: string
  readonly workingDir?: string
  /** The terminal's size, applied once the process started (with a TTY). */
  readonly size?: TerminalSize
}

export interface ExecSession {
  /** The process's exit code, once it ended and its output was written. */
  readonly exitCode: Promise<number>
  /** Resizes the process's terminal (with a TTY). */
  resize(size: TerminalSize): Promise<void>
  /** Detaches (the connection closes; the process may go on, as after docker exec's detach). */
  close(): void
}

export interface LogOptions {
  readonly follow?: boolean
  /** Number of lines from the end, or 'all'. */
  readonly tail?: number | 'all'
  readonly timestamps?: boolean
  readonly since?: number
}

/** Counters every transport keeps, read by `npm run bench` and tests. */
export interface DockerClientStats {
  /** Engine API requests made through this client. */
  requests: number
  /** Underlying connections opened (TCP sockets or SSH sessions). */
  connections: number
}

/** A volume as `GET /volumes` lists it (only what Maestro reads). */
export interface VolumeSummary {
  readonly Name: string
  readonly Labels?: Readonly<Record<string, string>> | null
}

export interface DockerClient {
  readonly ship: string
  /** A human description of how the daemon is reached, e.g. `tcp://10.0.0.1:2375`. */
  readonly endpoint: string
  readonly stats: DockerClientStats
  ping(): Promise<void>
  version(): Promise<{readonly ApiVersion: string; readonly Version: string}>
  listContainers(options?: {all?: boolean; filters?: Record<string, string[]>}): Promise<ContainerSummary[]>
  /** Undefined when no such container exists. */
  inspectContainer(nameOrId: string): Promise<ContainerInspect | undefined>
  /** `platform` (os[/arch[/variant]]) selects the image variant, as `docker create --platform`. */
  createContainer(name: string, body: CreateContainerBody, options?: {platform?: string}): Promise<{readonly Id: string}>
  /** Undefined when no such network exists. */
  inspectNetwork(name: string): Promise<NetworkInspect | undefined>
  createNetwork(body: CreateNetworkBody): Promise<{readonly Id: string}>
  connectNetwork(network: string, container: string, aliases: readonly string[]): Promise<void>
  startContainer(id: string): Promise<void>
  stopContainer(id: string, timeoutSeconds: number): Promise<void>
  killContainer(id: string, signal?: string): Promise<void>
  removeContainer(id: string, options?: {volumes?: boolean; force?: boolean}): Promise<void>
  /** `docker rename`: the container keeps its id; `start-first` updates give the new container the instance's name (without it, they are refused). */
  renameContainer?(id: string, name: string): Promise<void>
  /** Undefined when the image is not present. */
  inspectImage(ref: string): Promise<ImageInspect | undefined>
  /** The images present (ids only); optional (API 1.5): without it, the deploy lock may pull an image for its marker. */
  listImages?(): Promise<ReadonlyArray<{readonly Id: string}>>
  pullImage(ref: string, auth: RegistryAuth | undefined, onProgress?: (p: PullProgress) => void): Promise<void>
  exec(id: string, cmd: readonly string[]): Promise<ExecResult>
  /**
   * Runs `cmd` in the container attached to the given streams (a hijacked `exec start`); resolves once the
   * process started. Optional: a client without it cannot serve `maestro exec`.
   */
  execAttach?(id: string, cmd: readonly string[], options: ExecAttachOptions): Promise<ExecSession>
  /**
   * Volumes, optionally filtered (`{label: ['k=v']}`), created and removed (removing an absent one is not an error).
   * Optional: a client without them cannot remember a container kept by `--keep-failed` (API 1.3).
   */
  listVolumes?(filters?: Record<string, string[]>): Promise<VolumeSummary[]>
  createVolume?(name: string, labels: Readonly<Record<string, string>>): Promise<void>
  removeVolume?(name: string): Promise<void>
  /** Demultiplexed log output as a stream of text chunks (stdout and stderr merged in order). */
  logs(id: string, options?: LogOptions): Promise<Readable>
  /**
   * The daemon's event stream, one parsed JSON event per 'data' emission (object mode). `since`/`until` are epoch
   * seconds: past events from `since`, and the daemon ends the stream at `until`.
   */
  events(filters?: Record<string, string[]>, window?: {readonly since?: number; readonly until?: number}): Promise<Readable>
  close(): Promise<void>
}
