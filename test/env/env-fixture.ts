/** Plain-data Environment builders for env and create-spec tests. */
import type {Container, Environment, PortSpec, Service, Ship} from '../../src/model/types.js'

export function ship(name: string, ip: string): Ship {
  return {name, ip, endpoint: ip, dockerPort: 2375, apiVersion: '1.18', timeout: 5, tls: false, tlsVerify: false, extra: {}}
}

export function port(name: string, exposed: string, external = exposed, protocol: 'tcp' | 'udp' = 'tcp', bindIp = '0.0.0.0'): PortSpec {
  return {name, exposed, exposedProtocol: protocol, external, externalProtocol: protocol, bindIp}
}

export function container(name: string, service: string, shipName: string, image: string, extra: Partial<Container> = {}): Container {
  return {
    name, service, ship: shipName, image,
    ports: [], serviceEnvfiles: [], serviceEnv: {}, envfiles: [], env: {},
    volumes: [], containerVolumes: [], volumesFrom: [], links: {},
    privileged: false, capAdd: [], capDrop: [], securityOpt: [], extraHosts: {}, dns: [],
    restart: {name: 'no', maximumRetryCount: 0}, stopTimeout: 10, limits: {}, ulimits: [],
    logOpt: {}, labels: {}, lxcConf: {}, lifecycle: {},
    ...extra,
  }
}

export function service(name: string, image: string, instances: string[], extra: Partial<Service> = {}): Service {
  return {name, image, requires: [], wantsInfo: [], omit: false, instances, ...extra}
}

export function environment(name: string, ships: Ship[], services: Service[], containers: Container[], baseDir = '/base'): Environment {
  return {
    name, file: `${baseDir}/maestro.yaml`, baseDir, schema: 2,
    ships: Object.fromEntries(ships.map((s) => [s.name, s])),
    services: Object.fromEntries(services.map((s) => [s.name, s])),
    containers: Object.fromEntries(containers.map((c) => [c.name, c])),
    registries: {}, audit: [], plugins: {},
  }
}
