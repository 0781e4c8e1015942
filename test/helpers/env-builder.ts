/** Builds normalized Environment objects for unit tests, with every default filled in. */
import type {Container, Environment, PortSpec, Service, Ship} from '../../src/model/types.js'

export type ContainerInput = Partial<Omit<Container, 'name' | 'service' | 'ports'>> & {ship: string; ports?: Record<string, string | number>}

export interface ServiceInput {
  image?: string
  requires?: string[]
  wantsInfo?: string[]
  omit?: boolean
  instances: Record<string, ContainerInput>
}

export function ship(name: string, ip: string, extra: Partial<Ship> = {}): Ship {
  return {name, ip, endpoint: ip, dockerPort: 2375, apiVersion: '1.41', timeout: 5, tls: false, tlsVerify: false, extra: {}, ...extra}
}

/** `'8080'`, `'80:8080'` (exposed:external), `'53/udp'`. */
export function port(name: string, spec: string | number): PortSpec {
  const [exposedPart, externalPart = exposedPart] = String(spec).split(':')
  const [exposed, proto = 'tcp'] = exposedPart.split('/')
  const [external, eproto = proto] = externalPart.split('/')
  return {name, exposed, exposedProtocol: proto as 'tcp', external, externalProtocol: eproto as 'tcp', bindIp: '0.0.0.0'}
}

export function container(name: string, service: string, image: string, input: ContainerInput): Container {
  const {ports, ...rest} = input
  return {
    name,
    service,
    image,
    ports: Object.entries(ports ?? {}).map(([n, s]) => port(n, s)),
    serviceEnvfiles: [],
    serviceEnv: {},
    envfiles: [],
    env: {},
    volumes: [],
    containerVolumes: [],
    volumesFrom: [],
    links: {},
    privileged: false,
    capAdd: [],
    capDrop: [],
    securityOpt: [],
    extraHosts: {},
    dns: [],
    restart: {name: 'no', maximumRetryCount: 0},
    stopTimeout: 10,
    limits: {},
    ulimits: [],
    logOpt: {},
    labels: {},
    lxcConf: {},
    lifecycle: {},
    ...rest,
  }
}

export function environment(name: string, ships: Ship[], services: Record<string, ServiceInput>): Environment {
  const containers: Record<string, Container> = {}
  const svc: Record<string, Service> = {}
  for (const [s, input] of Object.entries(services)) {
    const image = input.image ?? 'busybox:latest'
    svc[s] = {name: s, image, requires: input.requires ?? [], wantsInfo: input.wantsInfo ?? [], omit: input.omit ?? false, instances: Object.keys(input.instances)}
    for (const [c, ci] of Object.entries(input.instances)) containers[c] = container(c, s, ci.image ?? image, ci)
  }
  return {
    name,
    file: '/tmp/maestro.yaml',
    baseDir: '/tmp',
    schema: 2,
    ships: Object.fromEntries(ships.map((s) => [s.name, s])),
    services: svc,
    containers,
    registries: {},
    audit: [],
    plugins: {},
  }
}
