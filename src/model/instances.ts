import type {Container, EnvValue, Limits, PortSpec, Ulimit, VolumeBind} from './types.js'
import {suggest, type Scope} from './issues.js'
import type {NormalizeContext} from './context.js'
import {didYouMean} from './did-you-mean.js'
import {DEFAULT_STOP_TIMEOUT, INSTANCE_KEYS, LOG_DRIVERS, SERVICE_KEYS, UNSUPPORTED_INSTANCE_KEYS} from './instance-keys.js'
import {readEnv, readEnvfileList} from './env-values.js'
import {parseLabels} from './labels.js'
import {mergeLifecycle, parseLifecycle} from './lifecycle.js'
import {LIMIT_KEYS, parseLimits} from './limits.js'
import {parsePort} from './ports.js'
import {readBool, readInt, readMap, readString, readStringList, readStringMap, type RawMap} from './read.js'
import {DEFAULT_RESTART, parseRestart} from './restart.js'
import {parseUlimit} from './ulimits.js'
import {parseVolume} from './volumes.js'
import {readExtraHosts, readLinks} from './hosts-links.js'
import {orderedEntries} from './key-order.js'
import {readContainerOptions} from './container-options.js'

/** What a service hands down to its instances (reference §2.4 merge rules). */
export interface ServiceParts {
  readonly name: string
  readonly image?: string
  readonly env: Readonly<Record<string, EnvValue>>
  readonly envfiles: readonly string[]
  readonly sensitiveEnv: readonly string[]
  readonly ports: ReadonlyMap<string, Omit<PortSpec, 'name'> | undefined>
  readonly limits: Limits
  readonly lifecycle: ReturnType<typeof parseLifecycle>
}

/** Parses a `ports` map; invalid entries are reported and kept as undefined (so merges stay faithful). */
export function readPorts(s: Scope, raw: unknown): Map<string, Omit<PortSpec, 'name'> | undefined> {
  const out = new Map<string, Omit<PortSpec, 'name'> | undefined>()
  for (const [name, spec] of orderedEntries(readMap(s, ['ports'], raw))) {
    const r = parsePort(spec)
    if (!r.ok) s.error(['ports', name], `port '${name}': ${r.error}`)
    out.set(name, r.ok ? r.port : undefined)
  }
  return out
}

export function readLimits(s: Scope, raw: unknown): Limits {
  const map = readMap(s, ['limits'], raw)
  s.child(['limits'], `limits of ${s.label}`).checkKeys(map, new Set(LIMIT_KEYS))
  const {limits, errors} = parseLimits(map)
  for (const [key, message] of errors) s.error(['limits', key], message)
  return limits
}

function readVolumes(s: Scope, raw: unknown, schema: 1 | 2): VolumeBind[] {
  const binds: VolumeBind[] = []
  for (const [key, spec] of orderedEntries(readMap(s, ['volumes'], raw))) {
    const v = parseVolume(key, spec, schema)
    if (typeof v === 'string') s.error(['volumes', key], v)
    else if (binds.some((b) => b.target === v.target)) s.error(['volumes', key], `volume target ${v.target} is bound more than once`)
    else binds.push(v)
  }
  return binds
}

function readUlimits(s: Scope, raw: unknown): Ulimit[] {
  return Object.entries(readMap(s, ['ulimits'], raw)).flatMap(([name, spec]) => {
    const u = parseUlimit(name, spec)
    if (typeof u === 'string') s.error(['ulimits', name], u)
    return typeof u === 'string' ? [] : [u]
  })
}

function readCommand(s: Scope, raw: RawMap): string | readonly string[] | undefined {
  if (raw.command !== undefined && raw.cmd !== undefined) s.warn(['cmd'], `both 'command' and its deprecated alias 'cmd' are set; 'command' wins`)
  const key = raw.command !== undefined ? 'command' : 'cmd'
  const v = raw[key]
  if (v === undefined || v === null) return undefined
  return Array.isArray(v) ? readStringList(s, [key], v) : readString(s, [key], v)
}

function instanceKeyHint(key: string): string {
  if (UNSUPPORTED_INSTANCE_KEYS.has(key)) return 'not supported by MaestroNG'
  if (SERVICE_KEYS.has(key)) return `only services accept '${key}'`
  return suggest(key, INSTANCE_KEYS)
}

/** One instance: merged with its service, every key typed and checked. */
export function normalizeInstance(ctx: NormalizeContext, s: Scope, raw: RawMap, service: ServiceParts): Container {
  s.checkKeys(raw, INSTANCE_KEYS, instanceKeyHint)
  const ship = readString(s, ['ship'], raw.ship)
  if (ship === undefined && raw.ship === undefined) s.error([], `instance has no 'ship'`, 'key')
  else if (ship !== undefined && !(ship in ctx.ships)) s.error(['ship'], `unknown ship '${ship}'${didYouMean(ship, Object.keys(ctx.ships))}`)
  const image = readString(s, ['image'], raw.image) ?? service.image ?? ''
  const ports = new Map(service.ports)
  for (const [name, port] of readPorts(s, raw.ports)) ports.set(name, port)
  const envfiles = readEnvfileList(s, raw.envfile)
  for (const e of envfiles) ctx.checkEnvfile(s, e.file, e.at)
  const restart = parseRestart(raw.restart)
  if (typeof restart === 'string') s.error(['restart'], restart)
  const logDriver = readString(s, ['log_driver'], raw.log_driver)
  if (logDriver !== undefined && !LOG_DRIVERS.includes(logDriver)) {
    s.error(['log_driver'], `log_driver must be one of ${LOG_DRIVERS.join(', ')}, got '${logDriver}'${didYouMean(logDriver, LOG_DRIVERS)}`)
  }
  const labels = parseLabels(raw.labels)
  if (typeof labels === 'string') s.error(['labels'], labels)
  const username = readString(s, ['username'], raw.username)
  const workdir = readString(s, ['workdir'], raw.workdir)
  const net = readString(s, ['net'], raw.net)
  const command = readCommand(s, raw)
  const containerVolumes = readStringList(s, ['container_volumes'], raw.container_volumes)
  const volumes = readVolumes(s, raw.volumes, ctx.schema)
  for (const b of volumes) {
    if (containerVolumes.includes(b.target)) s.error(['container_volumes'], `${b.target} is both a bind-mount target and a container volume`)
  }
  const options = readContainerOptions(s, raw, new Set([...volumes.map((b) => b.target), ...containerVolumes]), ship === undefined ? undefined : ctx.ships[ship]?.apiVersion)
  return {
    name: String(s.path[3]),
    service: service.name,
    ship: ship !== undefined && ship in ctx.ships ? ship : '',
    image,
    ...(command === undefined ? {} : {command}),
    ports: [...ports].flatMap(([name, p]) => (p ? [{name, ...p}] : [])),
    serviceEnvfiles: service.envfiles,
    serviceEnv: service.env,
    envfiles: envfiles.map((e) => e.file),
    env: readEnv(s, raw.env),
    sensitiveEnv: [...new Set([...service.sensitiveEnv, ...readStringList(s, ['sensitive_env'], raw.sensitive_env)])],
    volumes,
    containerVolumes,
    volumesFrom: readStringList(s, ['volumes_from'], raw.volumes_from),
    links: readLinks(s, raw.links),
    ...(username === undefined ? {} : {username}),
    ...(workdir === undefined ? {} : {workdir}),
    privileged: readBool(s, ['privileged'], raw.privileged, false),
    capAdd: readStringList(s, ['cap_add'], raw.cap_add),
    capDrop: readStringList(s, ['cap_drop'], raw.cap_drop),
    securityOpt: readStringList(s, ['security_opt'], raw.security_opt),
    extraHosts: readExtraHosts(s, raw.extra_hosts, ctx.ships),
    ...(net === undefined ? {} : {net}),
    dns: readStringList(s, ['dns'], raw.dns),
    restart: typeof restart === 'string' ? DEFAULT_RESTART : restart,
    stopTimeout: readInt(s, ['stop_timeout'], raw.stop_timeout, DEFAULT_STOP_TIMEOUT),
    limits: {...service.limits, ...readLimits(s, raw.limits)},
    ulimits: readUlimits(s, raw.ulimits),
    ...(logDriver === undefined ? {} : {logDriver}),
    logOpt: readStringMap(s, ['log_opt'], raw.log_opt),
    labels: typeof labels === 'string' ? {} : labels,
    lxcConf: readStringMap(s, ['lxc_conf'], raw.lxc_conf),
    lifecycle: mergeLifecycle(service.lifecycle, parseLifecycle(s, raw.lifecycle, ctx.rules)),
    ...options,
    loc: s.sink.locate(s.path, 'key'),
  }
}

