import type {NameKind} from './spec.js'

const isMap = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/**
 * Service and container names straight from the loaded document (no validation, no Docker), so a file with
 * problems still completes. `things`: services then containers; `containers`: containers only.
 */
export function completionNames(data: unknown, kind: NameKind): string[] {
  const services = isMap(data) && isMap(data.services) ? data.services : {}
  const containers = Object.values(services).flatMap((s) => (isMap(s) && isMap(s.instances) ? Object.keys(s.instances) : []))
  const names = kind === 'things' ? [...Object.keys(services), ...containers] : containers
  return [...new Set(names.filter((n) => !n.startsWith('_')))]
}
