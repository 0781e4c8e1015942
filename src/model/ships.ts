import type {Ship, SshTunnel} from './types.js'
import type {IssueCollector, Scope} from './issues.js'
import {closest} from './did-you-mean.js'
import {isMap, readBool, readInt, readMap, readNumber, readString, type RawMap} from './read.js'
import {knownKeys} from './schema/shapes.js'
import {SHIP, SSH_TUNNEL, TRANSPORT_SHIP_KEYS} from './schema/keys.js'
import {DEFAULT_API_VERSION, DEFAULT_DOCKER_PORT, DEFAULT_DOCKER_TLS_PORT, DEFAULT_SSH_PORT, DEFAULT_TIMEOUT} from './defaults.js'
import {orderedEntries, orderedKeys, withKeyOrder} from './key-order.js'
import {badJumpHost, isNoJump, parseJumpHost} from './jump-hosts.js'

export {DEFAULT_API_VERSION, DEFAULT_DOCKER_PORT, DEFAULT_DOCKER_TLS_PORT, DEFAULT_TIMEOUT}

export const SHIP_KEYS: ReadonlySet<string> = knownKeys(SHIP)
const SSH_TUNNEL_KEYS: ReadonlySet<string> = knownKeys(SSH_TUNNEL)

function apiVersion(s: Scope, v: unknown): string {
  if (v === undefined || v === null) return DEFAULT_API_VERSION
  if (typeof v === 'number' && Number.isFinite(v)) {
    const written = s.sink.rawScalar(s.at('api_version'))
    return written !== undefined && Number(written) === v ? written : String(v)
  }
  if (typeof v === 'string' && (v === 'auto' || /^\d+\.\d+$/.test(v))) return v
  s.error(['api_version'], `api_version must be 'auto' or a version such as 1.41, got ${JSON.stringify(v)}`)
  return DEFAULT_API_VERSION
}

function sshTunnel(s: Scope, v: unknown): SshTunnel | undefined {
  if (v === undefined || v === null) return undefined
  const t = s.child(['ssh_tunnel'], `ssh_tunnel of ${s.label}`)
  if (!isMap(v)) {
    s.error(['ssh_tunnel'], `ssh_tunnel must be a mapping {user, key, port}`)
    return undefined
  }
  t.checkKeys(v, SSH_TUNNEL_KEYS)
  const user = readString(t, ['user'], v.user)
  const key = readString(t, ['key'], v.key)
  if (user === undefined) t.error([], `missing SSH user for the tunnel ('user')`, 'key')
  if (key === undefined) t.error([], `missing SSH key for the tunnel ('key')`, 'key')
  const port = readInt(t, ['port'], v.port, DEFAULT_SSH_PORT, 1, 65535)
  return user !== undefined && key !== undefined ? {user, key, port} : undefined
}

/** `proxy_jump`: read by the SSH transport, its syntax checked here so `validate` locates a bad hop. */
function checkProxyJump(s: Scope, v: unknown): void {
  const spec = readString(s, ['proxy_jump'], v)
  if (spec === undefined || isNoJump(spec)) return
  const bad = spec.split(',').find((part) => parseJumpHost(part) === undefined)
  if (bad !== undefined) s.error(['proxy_jump'], badJumpHost(bad, 'proxy_jump'))
}

/** Transport keys and unknown ship keys are kept for transports; only likely typos of known keys are warned. */
function extras(s: Scope, raw: RawMap): Record<string, unknown> {
  const extra: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(raw)) {
    if (TRANSPORT_SHIP_KEYS.has(k)) extra[k] = v
    if (SHIP_KEYS.has(k)) continue
    extra[k] = v
    const near = closest(k, SHIP_KEYS)
    if (near !== undefined && !k.startsWith('_')) s.sink.add('warning', s.at(k), `unknown key '${k}' in ${s.label} (did you mean '${near}'?)`, 'key')
  }
  return extra
}

function normalizeShip(ship: Scope, defaults: Scope, raw: RawMap, defaultsRaw: RawMap): Ship {
  const from = (k: string): Scope => (k in raw ? ship : defaults)
  const get = (k: string): unknown => (k in raw ? raw[k] : defaultsRaw[k])
  const ip = readString(ship, ['ip'], raw.ip)
  if (ip === undefined && raw.ip === undefined) ship.error([], `ship has no 'ip'`, 'key')
  const tls = readBool(from('tls'), ['tls'], get('tls'), false)
  const opt = (k: string): string | undefined => readString(from(k), [k], get(k))
  const socketPath = opt('socket_path')
  const sshTunnelSpec = sshTunnel(from('ssh_tunnel'), get('ssh_tunnel'))
  const tlsCaCert = opt('tls_ca_cert')
  const tlsCert = opt('tls_cert')
  const tlsKey = opt('tls_key')
  const sslVersion = opt('ssl_version')
  checkProxyJump(from('proxy_jump'), get('proxy_jump'))
  return {
    name: String(ship.path[1]),
    ip: ip ?? '',
    endpoint: readString(ship, ['endpoint'], raw.endpoint) ?? ip ?? '',
    dockerPort: readInt(from('docker_port'), ['docker_port'], get('docker_port'), tls ? DEFAULT_DOCKER_TLS_PORT : DEFAULT_DOCKER_PORT, 1, 65535),
    ...(socketPath === undefined ? {} : {socketPath}),
    apiVersion: apiVersion(from('api_version'), get('api_version')),
    timeout: readNumber(from('timeout'), ['timeout'], get('timeout'), DEFAULT_TIMEOUT),
    ...(sshTunnelSpec === undefined ? {} : {sshTunnel: sshTunnelSpec}),
    tls,
    tlsVerify: readBool(from('tls_verify'), ['tls_verify'], get('tls_verify'), true),
    ...(tlsCaCert === undefined ? {} : {tlsCaCert}),
    ...(tlsCert === undefined ? {} : {tlsCert}),
    ...(tlsKey === undefined ? {} : {tlsKey}),
    ...(sslVersion === undefined ? {} : {sslVersion}),
    extra: {...extras(defaults, defaultsRaw), ...extras(ship, raw)},
    loc: ship.sink.locate(ship.path, 'key'),
  }
}

/** `ships` merged over `ship_defaults` (every key except ip and endpoint). */
export function normalizeShips(sink: IssueCollector, data: RawMap): Record<string, Ship> {
  const top = sink.scope([], 'the top level')
  const defaultsScope = sink.scope(['ship_defaults'], 'ship_defaults')
  const defaultsRaw = {...readMap(top, ['ship_defaults'], data.ship_defaults)}
  for (const k of ['ip', 'endpoint']) {
    if (k in defaultsRaw) defaultsScope.warn([k], `'${k}' cannot be set here, only per ship (ignored)`)
    delete defaultsRaw[k]
  }
  if (data.ships === undefined || data.ships === null) {
    top.error([], `missing 'ships' (at least one ship is required)`, 'key')
    return {}
  }
  const ships: Record<string, Ship> = {}
  const raws = readMap(top, ['ships'], data.ships)
  for (const [name, raw] of orderedEntries(raws)) {
    const scope = sink.scope(['ships', name], `ship ${name}`)
    ships[name] = normalizeShip(scope, defaultsScope, readMap(scope, [], raw), defaultsRaw)
  }
  if (Object.keys(ships).length === 0 && isMap(data.ships)) top.error(['ships'], `'ships' is empty (at least one ship is required)`)
  return withKeyOrder(ships, orderedKeys(raws))
}
