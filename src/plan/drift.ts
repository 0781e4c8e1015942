import {diffConfig, type ConfigChange} from './diff.js'
import type {EffectiveConfig} from './effective-config.js'
import {configDigest, type RecordedConfig} from './labels.js'

export interface Drift {
  /** False when the container carries no Maestro labels (created by something else): nothing can be said. */
  readonly known: boolean
  readonly changes: readonly ConfigChange[]
}

/** Compares what a container was created from with what the file asks for now. */
export function assessDrift(recorded: RecordedConfig | undefined, desired: EffectiveConfig): Drift {
  if (!recorded) return {known: false, changes: []}
  if (recorded.hash === configDigest(desired)) return {known: true, changes: []}
  if (recorded.config) return {known: true, changes: diffConfig(recorded.config, desired)}
  return {known: true, changes: [{field: 'config', before: recorded.hash, after: configDigest(desired)}]}
}
