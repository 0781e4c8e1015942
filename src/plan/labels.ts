/**
 * Labels Maestro puts on every container it creates, and reading them back (drift detection).
 * Version 2 (docs/orchestration.md): env values are never in labels, only digests salted per container.
 */
import {randomBytes} from 'node:crypto'
import type {Container, Environment} from '../model/types.js'
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

/** The label format written now; version 1 (unsalted hash, env values in clear) is still read. */
export const LABELS_VERSION = '2'

/** Version 1's digest: of the whole config, env values included, unsalted. */
export const configDigest = (config: EffectiveConfig): string => sha256(canonicalJson(config))

export const newSalt = (): string => randomBytes(16).toString('hex')

/** One env value's digest: salted, and bound to its key so equal values under two keys differ too. */
export const envDigest = (salt: string, key: string, value: Json): string => sha256(`${salt}\0${key}\0${canonicalJson(value)}`)

/** The config as the `io.maestro.config` label carries it: every field in clear but env values, digested. */
export function labelConfig(config: EffectiveConfig, salt: string): EffectiveConfig {
  const env = Array.isArray(config.env) ? (config.env as readonly Json[]) : []
  return {...config, env: env.map((p) => (Array.isArray(p) ? [p[0], envDigest(salt, String(p[0]), p[1] ?? null)] : p))}
}

/** Version 2's digest of the whole config (env values included), salted. */
export const saltedConfigDigest = (config: EffectiveConfig, salt: string): string => sha256(`${salt}\0${canonicalJson(config)}`)

export function maestroLabels(environment: Environment, container: Container, config: EffectiveConfig, salt: string = newSalt()): Record<string, string> {
  return {
    [LABEL.environment]: environment.name,
    [LABEL.service]: container.service,
    [LABEL.container]: container.name,
    [LABEL.configVersion]: LABELS_VERSION,
    [LABEL.configSalt]: salt,
    [LABEL.configHash]: saltedConfigDigest(config, salt),
    [LABEL.config]: canonicalJson(labelConfig(config, salt)),
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
