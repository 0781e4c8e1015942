/**
 * ~/.ssh/config as OpenSSH reads it: `Include` (globs, relative to ~/.ssh, bounded depth), `Host` patterns
 * (`*`, `?`, `!negation`, case-insensitive), `Match` (never `exec`), first value wins. Options Maestro cannot
 * honour are refused, naming the file and line, rather than silently ignored.
 */
import {readdirSync, readFileSync, realpathSync, statSync} from 'node:fs'
import {isAbsolute, join} from 'node:path'
import {globToRegExp, isNoJump} from '../../src/api/index.js'

export interface ConfigLine {
  readonly file: string
  readonly line: number
  /** As written. */
  readonly name: string
  /** Lower case. */
  readonly keyword: string
  readonly args: readonly string[]
}

export interface SshConfigHost {
  readonly hostName?: string
  readonly user?: string
  readonly port?: number
  readonly identityFiles: readonly string[]
  readonly userKnownHostsFiles: readonly string[]
  /** ProxyJump, unless absent or `none`; `at` is `file:line`. */
  readonly proxyJump?: {readonly value: string; readonly at: string}
}

export class SshConfigError extends Error {}

/** OpenSSH's READCONF_MAX_DEPTH. */
export const MAX_INCLUDE_DEPTH = 16

/** Read and used. */
const SUPPORTED = new Set(['host', 'match', 'include', 'hostname', 'user', 'port', 'identityfile', 'userknownhostsfile', 'proxyjump'])

/** Accepted and ignored by design: they tune an interactive ssh, or Maestro has its own rule for them (docs/ssh.md). */
export const IGNORED_OPTIONS: readonly string[] = [
  'AddKeysToAgent', 'AddressFamily', 'BatchMode', 'CheckHostIP', 'Ciphers', 'ClearAllForwardings', 'Compression',
  'ConnectionAttempts', 'ConnectTimeout', 'ControlMaster', 'ControlPath', 'ControlPersist', 'EscapeChar',
  'ExitOnForwardFailure', 'ForwardAgent', 'ForwardX11', 'ForwardX11Timeout', 'ForwardX11Trusted', 'GlobalKnownHostsFile',
  'GSSAPIAuthentication', 'GSSAPIDelegateCredentials', 'HashKnownHosts', 'HostbasedAuthentication', 'HostKeyAlgorithms',
  'IdentitiesOnly', 'IgnoreUnknown', 'IPQoS', 'KbdInteractiveAuthentication', 'KexAlgorithms', 'LogLevel', 'MACs',
  'NumberOfPasswordPrompts', 'PasswordAuthentication', 'PermitLocalCommand', 'PreferredAuthentications',
  'PubkeyAcceptedAlgorithms', 'PubkeyAcceptedKeyTypes', 'PubkeyAuthentication', 'RequestTTY', 'SendEnv',
  'ServerAliveCountMax', 'ServerAliveInterval', 'SetEnv', 'StrictHostKeyChecking', 'TCPKeepAlive', 'UpdateHostKeys',
  'UseKeychain', 'VerifyHostKeyDNS', 'VisualHostKey', 'XAuthLocation',
]
const IGNORED = new Set(IGNORED_OPTIONS.map((o) => o.toLowerCase()))

const HINTS: Record<string, string> = {
  proxycommand: 'Maestro never runs commands from ~/.ssh/config; use ProxyJump',
  identityagent: 'Maestro uses the agent at SSH_AUTH_SOCK',
  hostkeyalias: 'host keys are looked up under the host name',
}

/** Splits a config line into keyword and arguments (`Key value`, `Key=value`, double quotes). */
function tokenize(text: string): string[] {
  const out: string[] = []
  const re = /"([^"]*)"|([^\s"]+)/g
  let m: RegExpExecArray | null
  while ((m = re.exec(text))) out.push(m[1] ?? m[2])
  return out
}

function splitLine(raw: string): {name: string; keyword: string; args: string[]} | undefined {
  const text = raw.trim()
  if (text === '' || text.startsWith('#')) return undefined
  const m = /^([A-Za-z][A-Za-z0-9]*)\s*(?:=\s*|\s+|$)(.*)$/.exec(text)
  const name = m ? m[1] : text.split(/[\s=]/)[0]
  return {name, keyword: name.toLowerCase(), args: m ? tokenize(m[2]) : []}
}

const globChars = /[*?[]/

/** Expands a glob as glob(3) does: sorted, `*` does not match a leading dot. Non-matching patterns give nothing. */
export function expandGlob(pattern: string): string[] {
  const parts = pattern.split('/')
  let paths = [parts[0] === '' ? '/' : parts[0]]
  for (const part of parts.slice(1)) {
    if (part === '') continue
    if (!globChars.test(part)) {
      paths = paths.map((p) => join(p, part))
      continue
    }
    // A name inside a folder has no `/`, so the fnmatch pattern of one segment is glob(3)'s.
    const re = globToRegExp(part)
    paths = paths.flatMap((dir) => {
      let names: string[]
      try {
        names = readdirSync(dir)
      } catch {
        return []
      }
      return names.filter((n) => re.test(n) && (part.startsWith('.') || !n.startsWith('.'))).sort().map((n) => join(dir, n))
    })
  }
  return paths.filter((p) => {
    try {
      return statSync(p).isFile()
    } catch {
      return false
    }
  })
}

export interface ReadOptions {
  readonly home: string
}

/** The lines of an ssh_config file with every `Include` expanded in place, each keeping its own file:line. */
export function readSshConfig(file: string, text: string, options: ReadOptions): ConfigLine[] {
  const out: ConfigLine[] = []
  const sshDir = join(options.home, '.ssh')
  const walk = (path: string, body: string, stack: readonly string[]): void => {
    let header: ConfigLine | undefined
    body.split(/\r?\n/).forEach((raw, i) => {
      const parsed = splitLine(raw)
      if (!parsed) return
      const line: ConfigLine = {file: path, line: i + 1, ...parsed}
      if (line.keyword === 'host' || line.keyword === 'match') header = line
      if (line.keyword !== 'include') return void out.push(line)
      if (line.args.length === 0) throw new SshConfigError(`${path}:${line.line}: Include needs a file name`)
      if (stack.length >= MAX_INCLUDE_DEPTH) throw new SshConfigError(`${path}:${line.line}: Include nested more than ${MAX_INCLUDE_DEPTH} deep`)
      const before = out.length
      for (const arg of line.args) {
        const pattern = arg.startsWith('~/') ? join(options.home, arg.slice(2)) : isAbsolute(arg) ? arg : join(sshDir, arg)
        for (const f of expandGlob(pattern)) {
          const real = realpathSync(f)
          if (stack.includes(real)) throw new SshConfigError(`${path}:${line.line}: Include loop: ${f} is already being read`)
          walk(f, readFileSync(f, 'utf8'), [...stack, real])
        }
      }
      // OpenSSH restores the including section once the included file ends
      if (out.slice(before).some((l) => l.keyword === 'host' || l.keyword === 'match')) {
        out.push(header ?? {file: path, line: line.line, name: 'Host', keyword: 'host', args: ['*']})
      }
    })
  }
  let real = file
  try {
    real = realpathSync(file)
  } catch {
    // text given without a file on disk
  }
  walk(file, text, [real])
  return out
}

/** One OpenSSH pattern: `*` any run, `?` exactly one character; case-insensitive. Not globToRegExp: OpenSSH has no `[...]` classes. */
function patternMatches(pattern: string, text: string): boolean {
  const re = pattern.toLowerCase().replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')
  return new RegExp(`^${re}$`).test(text.toLowerCase())
}

/** A pattern list: any negated match rejects, otherwise any positive match accepts. */
export function hostMatches(patterns: readonly string[], host: string): boolean {
  let hit = false
  for (const p of patterns.flatMap((a) => a.split(','))) {
    if (p.startsWith('!')) {
      if (patternMatches(p.slice(1), host)) return false
    } else if (patternMatches(p, host)) hit = true
  }
  return hit
}

interface MatchState {
  readonly alias: string
  readonly hostName: string
  readonly user: string
  readonly localUser: string
}

function matchApplies(line: ConfigLine, s: MatchState): boolean {
  const at = `${line.file}:${line.line}`
  const args = [...line.args]
  let result = true
  while (args.length) {
    let criterion = args.shift()!.toLowerCase()
    const negate = criterion.startsWith('!')
    if (negate) criterion = criterion.slice(1)
    let ok: boolean
    if (criterion === 'all' || criterion === 'canonical' || criterion === 'final') ok = true
    else {
      const arg = args.shift()
      if (arg === undefined) throw new SshConfigError(`${at}: Match ${criterion} needs an argument`)
      if (criterion === 'exec') ok = false // never run
      else if (criterion === 'host') ok = hostMatches([arg], s.hostName)
      else if (criterion === 'originalhost') ok = hostMatches([arg], s.alias)
      else if (criterion === 'user') ok = hostMatches([arg], s.user)
      else if (criterion === 'localuser') ok = hostMatches([arg], s.localUser)
      else throw new SshConfigError(`${at}: Match ${criterion} is not supported by Maestro`)
    }
    if (negate ? ok : !ok) result = false
  }
  return result
}

const MULTI = new Set(['identityfile'])

/** Resolves `alias` against the lines of an ssh_config (see readSshConfig). */
export function lookupSshConfig(lines: readonly ConfigLine[], alias: string, localUser = ''): SshConfigHost {
  const values = new Map<string, ConfigLine>()
  const identityFiles: string[] = []
  let active = true
  for (const line of lines) {
    if (line.keyword === 'host') {
      active = hostMatches(line.args, alias)
      continue
    }
    if (line.keyword === 'match') {
      const get = (k: string) => values.get(k)?.args[0]
      active = matchApplies(line, {alias, hostName: get('hostname') ?? alias, user: get('user') ?? localUser, localUser})
      continue
    }
    if (!active) continue
    if (!SUPPORTED.has(line.keyword) && !IGNORED.has(line.keyword)) {
      const hint = HINTS[line.keyword]
      const name = line.name
      throw new SshConfigError(`${line.file}:${line.line}: ${name} (for host ${alias}) is not supported by Maestro${hint ? `: ${hint}` : ''}`)
    }
    if (MULTI.has(line.keyword)) identityFiles.push(...line.args)
    else if (!values.has(line.keyword)) values.set(line.keyword, line)
  }
  const first = (k: string) => values.get(k)?.args[0]
  const hostName = first('hostname')
  const port = first('port')
  const jump = values.get('proxyjump')
  return {
    hostName: hostName === undefined ? undefined : hostName.replace(/%h/g, alias).replace(/%%/g, '%'),
    user: first('user'),
    port: port === undefined || !/^\d+$/.test(port) ? undefined : Number(port),
    identityFiles,
    userKnownHostsFiles: values.get('userknownhostsfile')?.args ?? [],
    proxyJump: jump && jump.args[0] && !isNoJump(jump.args[0]) ? {value: jump.args.join(''), at: `${jump.file}:${jump.line}`} : undefined,
  }
}
