/** The normalized, typed model of a MaestroNG environment file (reference §2). All readonly. */

export interface SourceLoc {
  readonly file: string
  /** 1-based line and column in the rendered text (the text YAML parsed). */
  readonly line: number
  readonly column: number
}

export type Protocol = 'tcp' | 'udp'

/** A named port, reference §2.6. `exposed`/`external` are a number or an `a-b` range, as strings. */
export interface PortSpec {
  readonly name: string
  readonly exposed: string
  readonly exposedProtocol: Protocol
  readonly external: string
  readonly externalProtocol: Protocol
  readonly bindIp: string
}

export interface VolumeBind {
  readonly host: string
  readonly target: string
  /** `ro`, `rw`, `ro,Z`, ... or undefined when not given. */
  readonly mode?: string
}

/** A user-defined network the container joins (Compose `networks`). */
export interface NetworkAttachment {
  readonly name: string
  readonly aliases: readonly string[]
}

/** `docker run --device host[:container[:perms]]`. */
export interface DeviceMapping {
  readonly host: string
  readonly container: string
  /** Some of r, w, m. */
  readonly permissions: string
}

/** Docker's HEALTHCHECK; durations in nanoseconds as the Engine API takes them. `test: ['NONE']` disables. */
export interface Healthcheck {
  readonly test: readonly string[]
  readonly interval?: number
  readonly timeout?: number
  readonly retries?: number
  readonly startPeriod?: number
}

/** One Engine API DeviceRequest (`--gpus`). */
export interface GpuRequest {
  readonly driver?: string
  /** -1 means all. */
  readonly count?: number
  readonly deviceIds?: readonly string[]
  readonly capabilities: readonly string[]
  readonly options?: Readonly<Record<string, string>>
}

/** Container options beyond MaestroNG's (Docker CLI/Compose spellings); absent when the file does not set them. */
export interface ContainerOptions {
  readonly networks?: readonly NetworkAttachment[]
  /** Mount path -> tmpfs mount options (may be ''). */
  readonly tmpfs?: Readonly<Record<string, string>>
  readonly devices?: readonly DeviceMapping[]
  readonly healthcheck?: Healthcheck
  readonly init?: boolean
  /** As written, e.g. SIGTERM, USR1 or 15. */
  readonly stopSignal?: string
  readonly readOnly?: boolean
  /** Bytes. */
  readonly shmSize?: number
  readonly sysctls?: Readonly<Record<string, string>>
  readonly pidsLimit?: number
  readonly groupAdd?: readonly string[]
  /** A string (shell-split, as `command`) or a list; `[]` or `''` clears the image's entrypoint. */
  readonly entrypoint?: string | readonly string[]
  readonly hostname?: string
  readonly domainname?: string
  readonly gpus?: readonly GpuRequest[]
  /** os[/arch[/variant]], e.g. linux/amd64. */
  readonly platform?: string
}

export interface RestartPolicy {
  readonly name: 'no' | 'always' | 'on-failure' | 'unless-stopped'
  readonly maximumRetryCount: number
}

export interface Limits {
  /** CpuShares. */
  readonly cpu?: number
  /** Memory in bytes. */
  readonly memory?: number
  /** MemorySwap, passed raw (bytes, or -1). */
  readonly swap?: number
}

export interface Ulimit {
  readonly name: string
  readonly soft: number
  readonly hard: number
}

export type LifecycleState = 'pre-start' | 'running' | 'pre-stop' | 'stopped'
export const LIFECYCLE_STATES: readonly LifecycleState[] = ['pre-start', 'running', 'pre-stop', 'stopped']

/** A lifecycle check as written; `type` selects the check plugin, the rest are its keys. */
export interface CheckSpec {
  readonly type: string
  readonly [key: string]: unknown
}

export type Lifecycle = Readonly<Partial<Record<LifecycleState, readonly CheckSpec[]>>>

/** A raw env value as YAML gave it; rendered Python-style by the env computation (reference §3.3). */
export type EnvValue = string | number | boolean | null | readonly EnvValue[]

export interface SshTunnel {
  readonly user: string
  readonly key: string
  readonly port: number
}

export interface Ship {
  readonly name: string
  readonly ip: string
  readonly endpoint: string
  readonly dockerPort: number
  readonly socketPath?: string
  /** `auto` or a version such as `1.41`. */
  readonly apiVersion: string
  /** Seconds. */
  readonly timeout: number
  readonly sshTunnel?: SshTunnel
  readonly tls: boolean
  readonly tlsVerify: boolean
  readonly tlsCaCert?: string
  readonly tlsCert?: string
  readonly tlsKey?: string
  readonly sslVersion?: string
  /** Extra keys a transport plugin may read (e.g. `known_hosts`, `docker_socket` for ssh). */
  readonly extra: Readonly<Record<string, unknown>>
  readonly loc?: SourceLoc
}

export interface RegistryRetry {
  readonly attempts: number
  readonly when: readonly number[]
}

export interface RegistryConfig {
  readonly name: string
  readonly registry: string
  readonly username?: string
  readonly password?: string
  readonly email?: string
  readonly retry: RegistryRetry
}

export type UpdateOrder = 'stop-first' | 'start-first'

/** A service's `update:` block (src/model/update.ts); durations in milliseconds. */
export interface UpdateConfig {
  /** Instances replaced at once; 0: all at once. */
  readonly parallelism: number
  /** Wait after an instance's replacement before its slot takes the next one. */
  readonly delayMs: number
  readonly order: UpdateOrder
  /** How long a new container is watched after its running checks passed. */
  readonly monitorMs: number
  readonly failureAction: 'rollback' | 'pause' | 'continue'
  /** Failed replacements, as a share of the service's instances, tolerated before failure_action applies. */
  readonly maxFailureRatio: number
  readonly loc?: SourceLoc
}

export interface Service {
  readonly name: string
  readonly image: string
  readonly requires: readonly string[]
  readonly wantsInfo: readonly string[]
  readonly omit: boolean
  /** Instance names, in file order. */
  readonly instances: readonly string[]
  /** Absent: every drifted instance is replaced at once, stop-first (MaestroNG). */
  readonly update?: UpdateConfig
  readonly loc?: SourceLoc
}

export interface Container extends ContainerOptions {
  readonly name: string
  readonly service: string
  readonly ship: string
  readonly image: string
  readonly command?: string | readonly string[]
  /** Service ports merged with the instance's own (instance wins per name), in order. */
  readonly ports: readonly PortSpec[]
  /** Service envfiles, then service env etc. are kept apart because precedence differs (reference §3.2). */
  readonly serviceEnvfiles: readonly string[]
  readonly serviceEnv: Readonly<Record<string, EnvValue>>
  readonly envfiles: readonly string[]
  readonly env: Readonly<Record<string, EnvValue>>
  /** Env names marked `sensitive_env` on the service or the instance (never shown, see src/env/sensitive.ts). */
  readonly sensitiveEnv?: readonly string[]
  readonly volumes: readonly VolumeBind[]
  readonly containerVolumes: readonly string[]
  readonly volumesFrom: readonly string[]
  readonly links: Readonly<Record<string, string>>
  readonly username?: string
  readonly workdir?: string
  readonly privileged: boolean
  readonly capAdd: readonly string[]
  readonly capDrop: readonly string[]
  readonly securityOpt: readonly string[]
  /** hostname -> ip, ship references already resolved to the ship's ip. */
  readonly extraHosts: Readonly<Record<string, string>>
  readonly net?: string
  readonly dns: readonly string[]
  readonly restart: RestartPolicy
  /** Seconds, used as `docker stop -t`. */
  readonly stopTimeout: number
  readonly limits: Limits
  readonly ulimits: readonly Ulimit[]
  readonly logDriver?: string
  readonly logOpt: Readonly<Record<string, string>>
  readonly labels: Readonly<Record<string, string>>
  readonly lxcConf: Readonly<Record<string, string>>
  /** Service checks followed by the instance's own, per state. */
  readonly lifecycle: Lifecycle
  readonly loc?: SourceLoc
}

export interface AuditSpec {
  readonly type: string
  readonly level: 'info' | 'debug'
  readonly ignoreErrors: boolean
  /** Where the entry is written in the file. */
  readonly loc?: SourceLoc
  readonly [key: string]: unknown
}

export interface Environment {
  readonly name: string
  /** Absolute path of the file, or `<stdin>`. */
  readonly file: string
  readonly baseDir: string
  readonly schema: 1 | 2
  readonly ships: Readonly<Record<string, Ship>>
  readonly services: Readonly<Record<string, Service>>
  /** Every instance, keyed by name, in file order (service by service). */
  readonly containers: Readonly<Record<string, Container>>
  readonly registries: Readonly<Record<string, RegistryConfig>>
  readonly audit: readonly AuditSpec[]
  /** Options for plugins, from the top-level `plugins:` key (a Maestro addition). */
  readonly plugins: Readonly<Record<string, Readonly<Record<string, unknown>>>>
  /** Values the template read through `env.` (never shown where they appear, see src/env/sensitive.ts). */
  readonly templateEnvValues?: readonly string[]
}
