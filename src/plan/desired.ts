import {computeContainerEnv, envfileKeys, type ReadFile} from '../env/compute.js'
import {sensitiveEnvKeys, type IsSensitive} from '../env/sensitive.js'
import type {Environment} from '../model/types.js'
import {effectiveConfig, type EffectiveConfig} from './effective-config.js'

/** The config a container would be created with now (envfiles are read through `readFile`). */
export function desiredConfig(environment: Environment, name: string, readFile?: ReadFile): EffectiveConfig {
  return effectiveConfig(environment.containers[name], computeContainerEnv(environment, name, readFile))
}

/** Which of the container's env keys are secrets; worked out on first use (it reads the envfiles). */
export function envSensitivity(environment: Environment, name: string, pairs: () => readonly (readonly [string, string | null])[], readFile?: ReadFile): IsSensitive {
  let keys: Set<string> | undefined
  return (key) => (keys ??= sensitiveEnvKeys(environment, name, pairs(), envfileKeys(environment, name, readFile))).has(key)
}
