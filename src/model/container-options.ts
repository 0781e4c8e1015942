/** The container options MaestroNG never read, in Docker CLI/Compose spellings (docs/configuration.md). */
import type {ContainerOptions} from './types.js'
import type {Path, Scope} from './issues.js'
import {isMap, pyStr, readBool, readString, readStringList, type RawMap} from './read.js'
import {locatedStrings, readDevices, readTmpfs} from './devices.js'
import {readGpus} from './gpus.js'
import {readHealthcheck} from './healthcheck.js'
import {readNetworks} from './networks.js'

const SIGNALS = new Set([
  'ABRT', 'ALRM', 'BUS', 'CHLD', 'CLD', 'CONT', 'FPE', 'HUP', 'ILL', 'INT', 'IO', 'IOT', 'KILL', 'PIPE', 'POLL', 'PROF', 'PWR',
  'QUIT', 'SEGV', 'STKFLT', 'STOP', 'SYS', 'TERM', 'TRAP', 'TSTP', 'TTIN', 'TTOU', 'URG', 'USR1', 'USR2', 'VTALRM', 'WINCH',
  'XCPU', 'XFSZ', 'RTMIN', 'RTMAX', ...Array.from({length: 15}, (_, i) => `RTMIN+${i + 1}`), ...Array.from({length: 14}, (_, i) => `RTMAX-${i + 1}`),
])

/** A signal as Docker's ParseSignal takes it: a number 1-64, or a Linux name with or without SIG, any case. */
export function parseSignal(v: unknown): string | undefined {
  if (typeof v === 'number') return Number.isInteger(v) && v >= 1 && v <= 64 ? String(v) : undefined
  if (typeof v !== 'string') return undefined
  const t = v.trim()
  if (/^\d+$/.test(t)) return parseSignal(Number(t))
  const name = t.toUpperCase().replace(/^SIG/, '')
  return SIGNALS.has(name) ? `SIG${name}` : undefined
}

const RAM_UNITS: Readonly<Record<string, number>> = {'': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4, p: 1024 ** 5}

/** docker-units RAMInBytes (`--shm-size`): bytes, or `64m`, `1g`, `512mb`, `1GiB`, `1.5g` (powers of 1024). */
export function parseRamBytes(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isInteger(v) && v >= 0 ? v : undefined
  if (typeof v !== 'string') return undefined
  const m = /^(\d+(?:\.\d+)?) ?([kmgtp])?i?b?$/i.exec(v.trim())
  return m ? Math.floor(Number(m[1]) * RAM_UNITS[(m[2] ?? '').toLowerCase()]) : undefined
}

function readSysctls(s: Scope, raw: unknown): Record<string, string> | undefined {
  if (raw === undefined || raw === null) return undefined
  const out: Record<string, string> = {}
  const add = (at: Path, key: string, value: string): void => {
    if (!/^[a-zA-Z0-9_][a-zA-Z0-9_./-]*$/.test(key)) s.error(at, `invalid sysctl name '${key}'`)
    else out[key] = value
  }
  if (isMap(raw)) {
    for (const [k, v] of Object.entries(raw)) {
      if (isMap(v) || Array.isArray(v)) s.error(['sysctls', k], `sysctl '${k}' must have a scalar value`)
      else add(['sysctls', k], k, pyStr(v))
    }
    return out
  }
  if (!Array.isArray(raw)) {
    s.error(['sysctls'], `'sysctls' must be a mapping or a list of name=value`)
    return undefined
  }
  for (const [at, entry] of locatedStrings(s, 'sysctls', raw)) {
    const eq = entry.indexOf('=')
    if (eq <= 0) s.error(at, `sysctl '${entry}' must be name=value`)
    else add(at, entry.slice(0, eq).trim(), entry.slice(eq + 1).trim())
  }
  return out
}

function readEntrypoint(s: Scope, raw: unknown): string | string[] | undefined {
  if (raw === undefined || raw === null) return undefined
  if (Array.isArray(raw)) return readStringList(s, ['entrypoint'], raw)
  if (typeof raw === 'string') return raw
  s.error(['entrypoint'], `'entrypoint' must be a string (shell-split) or a list of strings`)
  return undefined
}

const HOSTNAME = /^[a-zA-Z0-9_]([a-zA-Z0-9_-]*[a-zA-Z0-9_])?(\.[a-zA-Z0-9_]([a-zA-Z0-9_-]*[a-zA-Z0-9_])?)*$/
const PLATFORM = /^[a-z0-9_]+(\/[a-z0-9_.]+(\/[a-z0-9_.]+)?)?$/i

function readName(s: Scope, key: string, raw: unknown, what: string): string | undefined {
  const v = readString(s, [key], raw)
  if (v !== undefined && !HOSTNAME.test(v)) s.error([key], `${key} '${v}' is not a valid ${what} (letters, digits, '-', '_', dot-separated)`)
  return v !== undefined && HOSTNAME.test(v) ? v : undefined
}

function readOptional<T>(raw: unknown, read: () => T): T | undefined {
  return raw === undefined || raw === null ? undefined : read()
}

/** Reads every option; a key the file does not set stays absent (so older containers' digests do not move). */
const below = (version: string, minimum: number): boolean => version !== 'auto' && Number(version.replace(/^v/, '')) < minimum

/**
 * Reads every option; a key the file does not set stays absent (so older containers' digests do not move).
 * `apiVersion` is the ship's: the daemon ignores `platform` below API 1.41, so that is an error, not a surprise.
 */
export function readContainerOptions(s: Scope, raw: RawMap, volumeTargets: ReadonlySet<string>, apiVersion?: string): ContainerOptions {
  const networks = readNetworks(s, raw.networks)
  if (networks !== undefined && raw.net !== undefined && raw.net !== null) s.error(['networks'], `'networks' and 'net' cannot be combined (as Compose's networks and network_mode)`, 'key')
  const stopSignal = readOptional(raw.stop_signal, () => {
    const sig = parseSignal(raw.stop_signal)
    if (sig === undefined) s.error(['stop_signal'], `stop_signal must be a signal name such as SIGTERM or USR1, or a number 1-64, got ${JSON.stringify(raw.stop_signal)}`)
    return sig
  })
  const shmSize = readOptional(raw.shm_size, () => {
    const n = parseRamBytes(raw.shm_size)
    if (n === undefined) s.error(['shm_size'], `shm_size must be bytes or a size such as 64m or 1g, got ${JSON.stringify(raw.shm_size)}`)
    return n
  })
  const pidsLimit = readOptional(raw.pids_limit, () => {
    const v = raw.pids_limit
    const n = typeof v === 'string' && /^-?\d+$/.test(v.trim()) ? Number(v) : v
    if (typeof n === 'number' && Number.isInteger(n) && n >= -1) return n
    s.error(['pids_limit'], `pids_limit must be an integer (-1 or 0: unlimited), got ${JSON.stringify(v)}`)
    return undefined
  })
  const platform = readOptional(raw.platform, () => {
    const v = readString(s, ['platform'], raw.platform)
    if (v !== undefined && !PLATFORM.test(v)) s.error(['platform'], `platform must be os[/arch[/variant]] such as linux/amd64, got '${v}'`)
    if (v !== undefined && PLATFORM.test(v) && apiVersion !== undefined && below(apiVersion, 1.41)) {
      s.error(['platform'], `platform needs Docker API 1.41 or later, and this ship uses ${apiVersion} (set its api_version to 1.41 or auto)`)
    }
    return v !== undefined && PLATFORM.test(v) ? v : undefined
  })
  const options: ContainerOptions = {
    networks,
    tmpfs: readTmpfs(s, raw.tmpfs, volumeTargets),
    devices: readDevices(s, raw.devices),
    healthcheck: readHealthcheck(s, raw.healthcheck),
    init: readOptional(raw.init, () => readBool(s, ['init'], raw.init, false)),
    stopSignal,
    readOnly: readOptional(raw.read_only, () => readBool(s, ['read_only'], raw.read_only, false)),
    shmSize,
    sysctls: readSysctls(s, raw.sysctls),
    pidsLimit,
    groupAdd: readOptional(raw.group_add, () => readStringList(s, ['group_add'], raw.group_add)),
    entrypoint: readEntrypoint(s, raw.entrypoint),
    hostname: readOptional(raw.hostname, () => readName(s, 'hostname', raw.hostname, 'hostname')),
    domainname: readOptional(raw.domainname, () => readName(s, 'domainname', raw.domainname, 'domain name')),
    gpus: readGpus(s, raw.gpus),
    platform,
  }
  return Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) as ContainerOptions
}
