/** Labels Maestro puts on every container it creates, and reading them back (drift detection). */
import type {Container, Environment} from '../model/types.js'
import {canonicalJson, sha256} from './canonical.js'
import {CONFIG_VERSION, effectiveConfig, type EffectiveConfig} from './effective-config.js'

export const LABEL = {
  environment: 'io.maestro.environment',
  service: 'io.maestro.service',
  container: 'io.maestro.container',
  configVersion: 'io.maestro.config-version',
  configHash: 'io.maestro.config-hash',
  config: 'io.maestro.config',
} as const

export const configDigest = (config: EffectiveConfig): string => sha256(canonicalJson(config))

export function maestroLabels(environment: Environment, container: Container, config: EffectiveConfig): Record<string, string> {
  return {
    [LABEL.environment]: environment.name,
    [LABEL.service]: container.service,
    [LABEL.container]: container.name,
    [LABEL.configVersion]: CONFIG_VERSION,
    [LABEL.configHash]: configDigest(config),
    [LABEL.config]: canonicalJson(config),
  }
}

export interface RecordedConfig {
  readonly environment?: string
  readonly version: string
  readonly hash: string
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
  return {environment: labels[LABEL.environment], version: labels[LABEL.configVersion] ?? '1', hash, config}
}
