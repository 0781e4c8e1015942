import {computeContainerEnv, type ReadFile} from '../env/compute.js'
import type {Environment} from '../model/types.js'
import {effectiveConfig, type EffectiveConfig} from './effective-config.js'

/** The config a container would be created with now (envfiles are read through `readFile`). */
export function desiredConfig(environment: Environment, name: string, readFile?: ReadFile): EffectiveConfig {
  return effectiveConfig(environment.containers[name], computeContainerEnv(environment, name, readFile))
}
