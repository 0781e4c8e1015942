import type {CheckContext, Container, DockerClient, Environment, LifecycleState, PortSpec, Ship} from '../../../src/api/index.js'

export const tcpPort = (name: string, external: number): PortSpec =>
  ({name, exposed: String(external), exposedProtocol: 'tcp', external: String(external), externalProtocol: 'tcp', bindIp: '0.0.0.0'})

export function shipAt(ip: string, name = 'ship1'): Ship {
  return {name, ip, endpoint: ip, dockerPort: 2375, apiVersion: 'auto', timeout: 5, tls: false, tlsVerify: false, extra: {}}
}

export function containerWith(ports: readonly PortSpec[], name = 'web-1', ship = 'ship1'): Container {
  return {
    name, service: 'web', ship, image: 'lab/busybox:latest', ports, serviceEnvfiles: [], serviceEnv: {}, envfiles: [], env: {},
    volumes: [], containerVolumes: [], volumesFrom: [], links: {}, privileged: false, capAdd: [], capDrop: [], securityOpt: [],
    extraHosts: {}, dns: [], restart: {name: 'no', maximumRetryCount: 0}, stopTimeout: 10, limits: {}, ulimits: [], logOpt: {},
    labels: {}, lxcConf: {}, lifecycle: {},
  }
}

export interface ContextOptions {
  readonly ip?: string
  readonly ports?: readonly PortSpec[]
  readonly docker?: DockerClient
  readonly containerId?: string
  readonly containerEnv?: Record<string, string | null>
  readonly signal?: AbortSignal
  readonly state?: LifecycleState
  readonly attempts?: number[]
  readonly container?: Container
  readonly ship?: Ship
}

/** A CheckContext for a container on one ship; attempts are recorded into `options.attempts`. */
export function checkContext(options: ContextOptions = {}): CheckContext {
  const ship = options.ship ?? shipAt(options.ip ?? '127.0.0.1')
  const container = options.container ?? containerWith(options.ports ?? [], 'web-1', ship.name)
  const environment: Environment = {
    name: 'test', file: '/tmp/maestro.yaml', baseDir: '/tmp', schema: 2, ships: {[ship.name]: ship}, services: {},
    containers: {[container.name]: container}, registries: {}, audit: [], plugins: {},
  }
  return {
    environment, container, ship, state: options.state ?? 'running',
    docker: options.docker ?? ({} as DockerClient),
    containerId: options.containerId,
    containerEnv: options.containerEnv ?? {},
    signal: options.signal ?? new AbortController().signal,
    log: {debug: () => undefined, info: () => undefined, warn: () => undefined},
    onAttempt: (n) => options.attempts?.push(n),
  }
}

export const FAST = {intervalMs: 20, connectTimeoutMs: 300, settleMs: 100}
