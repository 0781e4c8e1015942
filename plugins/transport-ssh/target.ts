/** Where and how to reach a ship over SSH, from the ship, ~/.ssh/config and the environment (pure). */
import {isAbsolute, join, resolve} from 'node:path'
import {badJumpHost, isNoJump, MaestroError, parseJumpHost, type Ship} from '../../src/api/index.js'
import {lookupSshConfig, readSshConfig, SshConfigError, type ConfigLine, type SshConfigHost} from './ssh-config.js'
import {isSshUrl, parseSshUrl} from './ssh-url.js'

export type RemoteDocker =
  | {readonly kind: 'socket'; readonly path: string}
  | {readonly kind: 'tcp'; readonly host: string; readonly port: number}

export interface SshTarget {
  readonly ship: string
  /** The host as written in the ship (an ~/.ssh/config alias or a real name). */
  readonly alias: string
  readonly host: string
  readonly port: number
  readonly user: string
  /** Key files to offer, `~` expanded; empty means ssh-agent only. */
  readonly identityFiles: readonly string[]
  /** True when the key came from the YAML (then only that key is used). */
  readonly explicitKey: boolean
  readonly knownHostsFiles: readonly string[]
  /** Where `--accept-new-host-keys` records keys. */
  readonly knownHostsAppend: string
  readonly remote: RemoteDocker
  readonly timeoutMs: number
  /** Human description, e.g. `ssh://core@10.0.0.1:22 → unix:///var/run/docker.sock`. */
  readonly endpoint: string
  /** ProxyJump hosts, first hop first; each is reached through the previous one. */
  readonly jumps?: readonly SshTarget[]
}

export interface TargetInputs {
  readonly home: string
  readonly baseDir: string
  /** ~/.ssh/config, when it exists: its text, or its lines with Includes expanded (readSshConfig). */
  readonly sshConfig?: string | readonly ConfigLine[]
  /** Fallback user name (the local login). */
  readonly localUser: string
}

export const DEFAULT_DOCKER_SOCKET = '/var/run/docker.sock'

export const sshShip = (ship: Ship): boolean => ship.sshTunnel !== undefined || isSshUrl(ship.endpoint)

export function expandHome(path: string, home: string): string {
  if (path === '~') return home
  return path.startsWith('~/') ? join(home, path.slice(2)) : path
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined)

/**
 * The remote daemon: `docker_socket` when set; the ssh_tunnel form reaches 127.0.0.1:docker_port
 * on the remote side, as upstream's `ssh -L` did; the ssh:// form reaches /var/run/docker.sock,
 * or 127.0.0.1:docker_port when docker_port is set to something other than its default (2375,
 * 2376 with tls). The model does not record whether a key was written, and a `docker_port:
 * 2375` in ship_defaults must not move every ssh:// ship off its socket.
 */
export function remoteDocker(ship: Ship): RemoteDocker {
  const socket = str(ship.extra.docker_socket)
  if (socket) return {kind: 'socket', path: socket.replace(/^unix:\/\//, '')}
  const explicitPort = ship.dockerPort !== (ship.tls ? 2376 : 2375)
  if (ship.sshTunnel === undefined && isSshUrl(ship.endpoint) && !explicitPort) return {kind: 'socket', path: DEFAULT_DOCKER_SOCKET}
  return {kind: 'tcp', host: '127.0.0.1', port: ship.dockerPort}
}

export function describeRemote(r: RemoteDocker): string {
  return r.kind === 'socket' ? `unix://${r.path}` : `tcp://${r.host}:${r.port}`
}

/** Hops of a jump chain, bounded like OpenSSH bounds nested ProxyJump. */
const MAX_JUMPS = 8

interface Resolved {
  readonly lines?: readonly ConfigLine[]
  readonly inputs: TargetInputs
  readonly ship: Ship
  readonly fail: (m: string) => MaestroError
}

function configFor(r: Resolved, alias: string): SshConfigHost | undefined {
  if (!r.lines) return undefined
  try {
    return lookupSshConfig(r.lines, alias, r.inputs.localUser)
  } catch (e) {
    if (e instanceof SshConfigError) throw r.fail(e.message)
    throw e
  }
}

function jumpChain(r: Resolved, spec: string, from: string, seen: readonly string[]): SshTarget[] {
  const hops: SshTarget[] = []
  for (const part of spec.split(',')) {
    const hop = parseJumpHost(part)
    if (!hop) throw r.fail(`${from}: ${badJumpHost(part)}`)
    if (seen.length >= MAX_JUMPS || seen.includes(hop.host)) throw r.fail(`${from}: ProxyJump chain loops or is longer than ${MAX_JUMPS} hops at ${hop.host}`)
    const cfg = configFor(r, hop.host)
    if (cfg?.proxyJump) hops.push(...jumpChain(r, cfg.proxyJump.value, cfg.proxyJump.at, [...seen, hop.host]))
    const home = r.inputs.home
    const expand = (p: string) => resolve(r.inputs.baseDir, expandHome(p, home))
    const tunnelKey = str(r.ship.sshTunnel?.key)
    const identityFiles = cfg?.identityFiles.length ? cfg.identityFiles.map(expand) : tunnelKey ? [expand(tunnelKey)] : []
    const user = hop.user ?? cfg?.user ?? r.inputs.localUser
    const host = cfg?.hostName ?? hop.host
    const port = hop.port ?? cfg?.port ?? 22
    const known = knownHostsFor(r.ship, r.inputs, cfg)
    hops.push({
      ship: `${r.ship.name} jump host ${hop.host}`,
      alias: hop.host,
      host,
      port,
      user,
      identityFiles,
      explicitKey: false,
      ...known,
      remote: {kind: 'tcp', host, port},
      timeoutMs: Math.max(1, r.ship.timeout) * 1000,
      endpoint: `ssh://${user}@${host.includes(':') ? `[${host}]` : host}:${port}`,
      jumps: [],
    })
  }
  return hops
}

function knownHostsFor(ship: Ship, inputs: TargetInputs, cfg: SshConfigHost | undefined): {knownHostsFiles: string[]; knownHostsAppend: string} {
  const expand = (p: string) => expandHome(p, inputs.home)
  const userKnownHosts = cfg?.userKnownHostsFiles.length ? cfg.userKnownHostsFiles.map(expand) : [join(inputs.home, '.ssh', 'known_hosts')]
  const shipFile = str(ship.extra.known_hosts)
  const shipKnownHosts = shipFile ? (isAbsolute(expand(shipFile)) ? expand(shipFile) : resolve(inputs.baseDir, shipFile)) : undefined
  return {
    knownHostsFiles: shipKnownHosts ? [shipKnownHosts, ...userKnownHosts] : userKnownHosts,
    knownHostsAppend: shipKnownHosts ?? userKnownHosts[0],
  }
}

export function resolveTarget(ship: Ship, inputs: TargetInputs): SshTarget {
  const fail = (m: string) => new MaestroError('MAESTRO_SSH', `ship ${ship.name}: ${m}`, {loc: ship.loc})
  let alias = ship.endpoint
  let urlUser: string | undefined
  let urlPort: number | undefined
  if (isSshUrl(ship.endpoint)) {
    const url = parseSshUrl(ship.endpoint)
    if (typeof url === 'string') throw fail(url)
    ;({host: alias, user: urlUser, port: urlPort} = url)
  }
  let lines: readonly ConfigLine[] | undefined
  try {
    lines = typeof inputs.sshConfig === 'string' ? readSshConfig(join(inputs.home, '.ssh', 'config'), inputs.sshConfig, {home: inputs.home}) : inputs.sshConfig
  } catch (e) {
    if (e instanceof SshConfigError) throw fail(e.message)
    throw e
  }
  const r: Resolved = {lines, inputs, ship, fail}
  const cfg = configFor(r, alias)
  const tunnel = ship.sshTunnel
  const user = tunnel?.user ?? urlUser ?? cfg?.user ?? inputs.localUser
  // ssh_tunnel.port defaults to 22 in the model; an alias's Port only wins over that default.
  const port = urlPort ?? (tunnel && tunnel.port !== 22 ? tunnel.port : undefined) ?? cfg?.port ?? tunnel?.port ?? 22
  const explicitKey = str(tunnel?.key)
  const expand = (p: string) => expandHome(p, inputs.home)
  const identityFiles = explicitKey
    ? [resolve(inputs.baseDir, expand(explicitKey))]
    : (cfg?.identityFiles ?? []).map((f) => resolve(inputs.baseDir, expand(f)))
  const remote = remoteDocker(ship)
  const host = cfg?.hostName ?? alias
  const shipJump = str(ship.extra.proxy_jump)
  const jumpSpec = shipJump !== undefined ? (isNoJump(shipJump) ? undefined : {value: shipJump, at: 'proxy_jump'}) : cfg?.proxyJump
  return {
    ship: ship.name,
    alias,
    host,
    port,
    user,
    identityFiles,
    explicitKey: explicitKey !== undefined,
    ...knownHostsFor(ship, inputs, cfg),
    remote,
    timeoutMs: Math.max(1, ship.timeout) * 1000,
    endpoint: `ssh://${user}@${host.includes(':') ? `[${host}]` : host}:${port}`,
    jumps: jumpSpec ? jumpChain(r, jumpSpec.value, jumpSpec.at, [alias]) : [],
  }
}
