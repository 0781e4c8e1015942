/**
 * Labels Maestro puts on every container it creates, and reading them back (drift detection).
 * Version 3 (docs/orchestration.md): env values are never in labels, only digests salted per container; link
 * variables (derived from the environment's topology, about a thousand per container in a fanned-in fleet) share
 * one digest instead of one each. Versions 1 and 2 are still read.
 */
import {randomBytes} from 'node:crypto'
import type {Container, Environment} from '../model/types.js'
import {linkVarKeys} from '../env/link-vars.js'
import {canonicalJson, sha256, type Json} from './canonical.js'
import type {EffectiveConfig} from './effective-config.js'

export const LABEL = {
  environment: 'io.maestro.environment',
  service: 'io.maestro.service',
  container: 'io.maestro.container',
  configVersion: 'io.maestro.config-version',
  configHash: 'io.maestro.config-hash',
  configSalt: 'io.maestro.config-salt',
  config: 'io.maestro.config',
} as const

/** The label format written now; versions 1 (unsalted hash, env values in clear) and 2 (a digest per env key) are still read. */
export const LABELS_VERSION = '3'

/** Version 3: the env entry standing for every link variable. */
export const LINK_VARIABLES = '(link variables)'

/** Version 1's digest: of the whole config, env values included, unsalted. */
export const configDigest = (config: EffectiveConfig): string => sha256(canonicalJson(config))

export const newSalt = (): string => randomBytes(16).toString('hex')

/** One env value's digest: salted, and bound to its key so equal values under two keys differ too. */
export const envDigest = (salt: string, key: string, value: Json, json: string = canonicalJson(value)): string => sha256(salt, '\0', key, '\0', json)

/**
 * The config as the `io.maestro.config` label carries it: every field in clear but env values, digested. With
 * `linkKeys` (version 3) those keys' pairs are digested together, as one `(link variables)` entry, first.
 */
export function labelConfig(config: EffectiveConfig, salt: string, linkKeys?: ReadonlySet<string>): EffectiveConfig {
  const env = Array.isArray(config.env) ? (config.env as readonly Json[]) : []
  const own: Json[] = []
  const links: Json[] = []
  for (const p of env) {
    if (linkKeys !== undefined && Array.isArray(p) && linkKeys.has(String(p[0]))) links.push(p)
    else own.push(Array.isArray(p) ? [p[0], envDigest(salt, String(p[0]), p[1] ?? null)] : p)
  }
  if (!links.length) return {...config, env: own}
  return {...config, env: [[LINK_VARIABLES, envDigest(salt, LINK_VARIABLES, links, linksJson(linkKeys!, links))], ...own]}
}

/**
 * The canonical JSON of a container's link variables, reused while they are pair for pair those of the previous
 * container with the same link keys (every container of a service has the same ones, about a thousand in a
 * fanned-in fleet).
 */
const lastLinks = new WeakMap<ReadonlySet<string>, {readonly links: readonly Json[]; readonly json: string}>()

function linksJson(linkKeys: ReadonlySet<string>, links: readonly Json[]): string {
  const last = lastLinks.get(linkKeys)
  if (last && samePairs(last.links, links)) return last.json
  const json = canonicalJson(links)
  lastLinks.set(linkKeys, {links, json})
  return json
}

/** Equal element for element, every element a primitive (strings compare by value). */
function samePairs(a: readonly Json[], b: readonly Json[]): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) {
    const p = a[i] as readonly Json[]
    const q = b[i] as readonly Json[]
    if (p === q) continue
    if (p.length !== q.length) return false
    for (let j = 0; j < p.length; j++) if (p[j] !== q[j] || (p[j] !== null && typeof p[j] === 'object')) return false
  }
  return true
}

/** Version 2's digest of the whole config (env values included), salted. */
export const saltedConfigDigest = (config: EffectiveConfig, salt: string): string => sha256(salt, '\0', canonicalJson(config))

export function maestroLabels(environment: Environment, container: Container, config: EffectiveConfig, salt: string = newSalt()): Record<string, string> {
  const linkKeys = linkVarKeys(environment, container.service)
  return {
    [LABEL.environment]: environment.name,
    [LABEL.service]: container.service,
    [LABEL.container]: container.name,
    [LABEL.configVersion]: LABELS_VERSION,
    [LABEL.configSalt]: salt,
    [LABEL.configHash]: saltedConfigDigest(config, salt),
    [LABEL.config]: canonicalJson(labelConfig(config, salt, linkKeys)),
  }
}

export interface RecordedConfig {
  readonly environment?: string
  readonly version: string
  readonly hash: string
  /** Version 2 and later: the salt of this container's digests. */
  readonly salt?: string
  /** Undefined when the label is missing or unreadable. */
  readonly config?: Readonly<Record<string, unknown>>
}

/** What a container's labels say about the config it was created from; undefined if Maestro did not create it. */
export function recordedConfig(labels: Readonly<Record<string, string>> | undefined): RecordedConfig | undefined {
  const hash = labels?.[LABEL.configHash]
  if (!labels || hash === undefined) return undefined
  let config: Record<string, unknown> | undefined
  try {
    const parsed: unknown = JSON.parse(labels[LABEL.config] ?? '')
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) config = parsed as Record<string, unknown>
  } catch {
    config = undefined
  }
  const salt = labels[LABEL.configSalt]
  return {environment: labels[LABEL.environment], version: labels[LABEL.configVersion] ?? '1', hash, ...(salt === undefined ? {} : {salt}), config}
}
