/**
 * The effective configuration of a container as a plain JSON object with every field present (defaults
 * explicit), so it can be digested and compared field by field (reference §2.5 keys, plus the rendered env).
 * Only what changes the created container belongs here; `stop_timeout` or checks do not.
 */
import type {Container} from '../model/types.js'
import {canonicalJson, type Json} from './canonical.js'

/** Version of the field set and value normalisation below; bump it only with a migration in mind. */
export const CONFIG_VERSION = '1'

export type EffectiveConfig = Readonly<Record<string, Json>>

/** Value of each field when absent (an older label version, or an unset key): compares equal to it. */
export const CONFIG_DEFAULTS: EffectiveConfig = {
  image: '',
  command: null,
  env: [],
  ports: [],
  volumes: [],
  container_volumes: [],
  volumes_from: [],
  links: {},
  restart: {name: 'no', retries: 0},
  limits: {cpu: null, memory: null, swap: null},
  ulimits: [],
  dns: [],
  extra_hosts: {},
  net: null,
  labels: {},
  log: {driver: null, options: {}},
  cap_add: [],
  cap_drop: [],
  security_opt: [],
  workdir: null,
  user: null,
  privileged: false,
  networks: [],
  tmpfs: {},
  devices: [],
  healthcheck: null,
  init: null,
  stop_signal: null,
  read_only: false,
  shm_size: null,
  sysctls: {},
  pids_limit: null,
  group_add: [],
  entrypoint: null,
  hostname: null,
  domainname: null,
  gpus: [],
  platform: null,
}

const byKey = <T>(key: (t: T) => string) => (a: T, b: T) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0)
const sorted = (xs: readonly string[]): string[] => [...xs].sort()
/** Env pairs by key (thousands per container in a fanned-in fleet: no key function per comparison). */
const byFirst = (a: readonly [string, unknown], b: readonly [string, unknown]): number => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)

export function effectiveConfig(container: Container, envPairs: readonly (readonly [string, string | null])[]): EffectiveConfig {
  const c = container
  return {
    image: c.image,
    command: c.command === undefined ? null : typeof c.command === 'string' ? c.command : [...c.command],
    env: [...envPairs].sort(byFirst) as Json[],
    ports: [...c.ports]
      .map((p) => ({name: p.name, exposed: `${p.exposed}/${p.exposedProtocol}`, external: `${p.bindIp}:${p.external}/${p.externalProtocol}`}))
      .sort(byKey((p) => p.name)),
    volumes: [...c.volumes].map((v) => ({host: v.host, target: v.target, mode: v.mode ?? null})).sort(byKey((v) => v.target)),
    container_volumes: sorted(c.containerVolumes),
    volumes_from: sorted(c.volumesFrom),
    links: {...c.links},
    restart: {name: c.restart.name, retries: c.restart.maximumRetryCount},
    limits: {cpu: c.limits.cpu ?? null, memory: c.limits.memory ?? null, swap: c.limits.swap ?? null},
    ulimits: [...c.ulimits].map((u) => ({name: u.name, soft: u.soft, hard: u.hard})).sort(byKey((u) => u.name)),
    dns: [...c.dns],
    extra_hosts: {...c.extraHosts},
    net: c.net ?? null,
    labels: {...c.labels},
    log: {driver: c.logDriver ?? null, options: {...c.logOpt}},
    cap_add: sorted(c.capAdd),
    cap_drop: sorted(c.capDrop),
    security_opt: [...c.securityOpt],
    workdir: c.workdir ?? null,
    user: c.username ?? null,
    privileged: c.privileged,
    ...withoutDefaults({
      networks: (c.networks ?? []).map((n) => ({name: n.name, aliases: sorted(n.aliases)})),
      tmpfs: {...c.tmpfs},
      devices: (c.devices ?? []).map((d) => ({host: d.host, container: d.container, permissions: d.permissions})),
      healthcheck: c.healthcheck
        ? {test: [...c.healthcheck.test], interval: c.healthcheck.interval ?? null, timeout: c.healthcheck.timeout ?? null, retries: c.healthcheck.retries ?? null, start_period: c.healthcheck.startPeriod ?? null}
        : null,
      init: c.init ?? null,
      stop_signal: c.stopSignal ?? null,
      read_only: c.readOnly ?? false,
      shm_size: c.shmSize ?? null,
      sysctls: {...c.sysctls},
      pids_limit: c.pidsLimit ?? null,
      group_add: [...(c.groupAdd ?? [])],
      entrypoint: c.entrypoint === undefined ? null : typeof c.entrypoint === 'string' ? c.entrypoint : [...c.entrypoint],
      hostname: c.hostname ?? null,
      domainname: c.domainname ?? null,
      gpus: (c.gpus ?? []).map((g) => ({driver: g.driver ?? null, count: g.count ?? null, device_ids: g.deviceIds ? [...g.deviceIds] : null, capabilities: [...g.capabilities], options: {...g.options}})),
      platform: c.platform ?? null,
    }),
  }
}

/**
 * Fields added after config version 1 are recorded only when set, so the digest of a container created
 * before them (or without them) stays the same; absent compares equal to the default (diffConfig).
 */
function withoutDefaults(fields: Record<string, Json>): Record<string, Json> {
  return Object.fromEntries(Object.entries(fields).filter(([k, v]) => canonicalJson(v) !== canonicalJson(CONFIG_DEFAULTS[k] ?? null)))
}
