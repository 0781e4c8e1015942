import type {PortSpec, Protocol} from './types.js'
import {isMap} from './read.js'
import {PORT_MAPPING} from './schema/container-keys.js'

/** A port spec without its name, or the reason it is invalid. */
export type PortResult = {readonly ok: true; readonly port: Omit<PortSpec, 'name'>} | {readonly ok: false; readonly error: string}

interface Part {
  readonly port: string
  readonly protocol: Protocol
}

const PART = /^(\d+)(?:-(\d+))?(?:\/(tcp|udp))?$/
const DEFAULT_BIND = '0.0.0.0'

function parsePart(raw: unknown): Part | string {
  if (typeof raw !== 'string' && typeof raw !== 'number') return `invalid port ${JSON.stringify(raw)}`
  const text = String(raw).trim()
  const m = PART.exec(text)
  if (!m) return `invalid port '${text}' (expected <port>, <p1>-<p2> or <port>/{tcp,udp})`
  const numbers = [m[1], m[2]].filter((n): n is string => n !== undefined).map(Number)
  const bad = numbers.find((n) => n < 1 || n > 65535)
  if (bad !== undefined) return `invalid port number ${bad} in '${text}' (expected 1-65535)`
  if (numbers.length === 2 && numbers[0] > numbers[1]) return `invalid port range '${text}' (start is above end)`
  return {port: numbers.join('-'), protocol: (m[3] as Protocol | undefined) ?? 'tcp'}
}

function combine(exposed: Part | string, external: Part | string, bindIp: string): PortResult {
  if (typeof exposed === 'string') return {ok: false, error: exposed}
  if (typeof external === 'string') return {ok: false, error: external}
  if (exposed.protocol !== external.protocol) {
    return {ok: false, error: `mismatched protocols between ${exposed.port}/${exposed.protocol} and ${external.port}/${external.protocol}`}
  }
  return {ok: true, port: {exposed: exposed.port, exposedProtocol: exposed.protocol, external: external.port, externalProtocol: external.protocol, bindIp}}
}

function parseDict(spec: Readonly<Record<string, unknown>>): PortResult {
  const missing = ['exposed', 'external'].filter((k) => spec[k] === undefined || spec[k] === null)
  if (missing.length > 0) return {ok: false, error: `port mapping needs ${missing.map((k) => `'${k}'`).join(' and ')}`}
  const unknown = Object.keys(spec).filter((k) => !(k in PORT_MAPPING))
  if (unknown.length > 0) return {ok: false, error: `unknown key '${unknown[0]}' in port mapping (expected exposed, external)`}
  let external = spec.external
  let bindIp = DEFAULT_BIND
  if (Array.isArray(external)) {
    if (external.length !== 2 || typeof external[0] !== 'string') return {ok: false, error: `external must be [ip, port], got ${JSON.stringify(external)}`}
    bindIp = external[0]
    external = external[1]
  }
  return combine(parsePart(spec.exposed), parsePart(external), bindIp)
}

/**
 * Parses a MaestroNG port spec (reference §2.6): `25`, `"53/udp"`, `"exposed:external"`, ranges, or
 * `{exposed, external}` with `external` optionally `[ip, port]`. Note the order is the reverse of `docker -p`.
 */
export function parsePort(spec: unknown): PortResult {
  if (isMap(spec)) return parseDict(spec)
  if (typeof spec === 'number') {
    const part = parsePart(spec)
    return combine(part, part, DEFAULT_BIND)
  }
  if (typeof spec !== 'string') return {ok: false, error: `invalid port specification ${JSON.stringify(spec)}`}
  const parts = spec.split(':')
  if (parts.length > 2) return {ok: false, error: `invalid port specification '${spec}' (more than two parts; expected 'exposed:external')`}
  const exposed = parsePart(parts[0])
  return combine(exposed, parts.length === 2 ? parsePart(parts[1]) : exposed, DEFAULT_BIND)
}
