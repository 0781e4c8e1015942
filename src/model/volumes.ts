import type {VolumeBind} from './types.js'
import {isMap} from './read.js'
import {VOLUME_MAPPING} from './schema/container-keys.js'

/** One `volumes` entry. Schema 2: `host: target` or `host: {target, mode}`; schema 1: `target: host`. */
export function parseVolume(key: string, spec: unknown, schema: 1 | 2): VolumeBind | string {
  if (schema === 1) {
    if (typeof spec !== 'string') return `volume '${key}': schema 1 expects 'container_path: host_path', got ${JSON.stringify(spec)}`
    return {host: spec, target: key}
  }
  if (typeof spec === 'string') return {host: key, target: spec}
  if (isMap(spec)) {
    if (typeof spec.target !== 'string') return `volume '${key}' needs a 'target' path`
    const unknown = Object.keys(spec).filter((k) => !(k in VOLUME_MAPPING))
    if (unknown.length > 0) return `volume '${key}': unknown key '${unknown[0]}' (expected target, mode)`
    if (spec.mode !== undefined && typeof spec.mode !== 'string') return `volume '${key}': mode must be a string such as ro or rw`
    return {host: key, target: spec.target, mode: (spec.mode as string | undefined) ?? 'rw'}
  }
  return `invalid volume specification for '${key}': ${JSON.stringify(spec)}`
}

/** The paths inside the container that bind mounts and anonymous volumes occupy. */
export const volumePaths = (binds: readonly VolumeBind[], containerVolumes: readonly string[]): Set<string> =>
  new Set([...binds.map((b) => b.target), ...containerVolumes])
