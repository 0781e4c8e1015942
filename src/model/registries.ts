import type {AuditSpec, RegistryConfig} from './types.js'
import type {IssueCollector} from './issues.js'
import {isMap, readInt, readMap, readString, type RawMap} from './read.js'

import {knownKeys} from './schema/shapes.js'
import {REGISTRY, REGISTRY_RETRY} from './schema/keys.js'
import {DEFAULT_REGISTRY_ATTEMPTS} from './defaults.js'

const REGISTRY_KEYS: ReadonlySet<string> = knownKeys(REGISTRY)
const RETRY_KEYS: ReadonlySet<string> = knownKeys(REGISTRY_RETRY)

/** `registries: {name: {registry, username, password, email, retry: {attempts: 3, when: []}}}`. */
export function normalizeRegistries(sink: IssueCollector, data: RawMap): Record<string, RegistryConfig> {
  const out: Record<string, RegistryConfig> = {}
  const top = sink.scope([], 'the top level')
  for (const [name, rawEntry] of Object.entries(readMap(top, ['registries'], data.registries))) {
    const s = sink.scope(['registries', name], `registry ${name}`)
    const raw = readMap(s, [], rawEntry)
    s.checkKeys(raw, REGISTRY_KEYS)
    const retryRaw = readMap(s, ['retry'], raw.retry)
    s.child(['retry'], `retry of registry ${name}`).checkKeys(retryRaw, RETRY_KEYS)
    const when: number[] = []
    const whenRaw = retryRaw.when ?? []
    if (Array.isArray(whenRaw)) whenRaw.forEach((code, i) => when.push(readInt(s, ['retry', 'when', i], code, 0, 100, 599)))
    else s.error(['retry', 'when'], `retry.when must be a list of HTTP status codes`)
    const opt = (k: string): string | undefined => readString(s, [k], raw[k])
    const [username, password, email] = [opt('username'), opt('password'), opt('email')]
    out[name] = {
      name,
      registry: opt('registry') ?? name,
      ...(username === undefined ? {} : {username}),
      ...(password === undefined ? {} : {password}),
      ...(email === undefined ? {} : {email}),
      retry: {attempts: readInt(s, ['retry', 'attempts'], retryRaw.attempts, DEFAULT_REGISTRY_ATTEMPTS, 1), when},
    }
  }
  return out
}

export type AuditRule = (spec: AuditSpec) => readonly {readonly key?: string; readonly message: string}[]

/** `audit: [{type, level: info|debug, ignore_errors, ...}]`; `rule` adds the notifier plugins' problems in the same pass. */
export function normalizeAudit(sink: IssueCollector, data: RawMap, rule?: AuditRule): AuditSpec[] {
  const raw = data.audit
  if (raw === undefined || raw === null) return []
  const top = sink.scope([], 'the top level')
  if (!Array.isArray(raw)) {
    top.error(['audit'], `audit must be a list of auditors`)
    return []
  }
  const out: AuditSpec[] = []
  raw.forEach((entry, i) => {
    const s = sink.scope(['audit', i], `auditor ${i}`)
    if (!isMap(entry) || typeof entry.type !== 'string') {
      s.error([], `each audit entry needs a 'type'`)
      return
    }
    const level = entry.level ?? 'info'
    if (level !== 'info' && level !== 'debug') s.error(['level'], `audit level must be info or debug, got ${JSON.stringify(level)}`)
    const ignore = entry.ignore_errors ?? false
    if (typeof ignore !== 'boolean') s.error(['ignore_errors'], `ignore_errors must be true or false`)
    const loc = sink.doc.locate(['audit', i], 'value')
    const spec: AuditSpec = {...entry, type: entry.type, level: level === 'debug' ? 'debug' : 'info', ignoreErrors: ignore === true, ...(loc ? {loc} : {})}
    for (const p of rule?.(spec) ?? []) sink.add('error', ['audit', i, ...(p.key === undefined ? [] : [p.key])], p.message)
    out.push(spec)
  })
  return out
}

/** `plugins: {name: {options}}` (a Maestro addition). */
export function normalizePluginOptions(sink: IssueCollector, data: RawMap): Record<string, RawMap> {
  const top = sink.scope([], 'the top level')
  const out: Record<string, RawMap> = {}
  for (const [name, opts] of Object.entries(readMap(top, ['plugins'], data.plugins))) {
    out[name] = readMap(sink.scope(['plugins', name], `plugin ${name}`), [], opts)
  }
  return out
}
