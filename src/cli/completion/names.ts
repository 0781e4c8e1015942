import type {NameKind} from './spec.js'

const isMap = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/** Docker's rule for container names; anything else (`$(...)`, quotes, spaces) is never handed to a shell. */
const COMPLETABLE = /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/

/**
 * Service and container names straight from the loaded document (no validation, no Docker), so a file with
 * problems still completes. `things`: services then containers; `containers`: containers only. Only names that
 * Docker accepts are offered: bash's `compgen -W` expands what it is given, so a name from the file must not
 * be able to run a command when someone presses TAB.
 */
export function completionNames(data: unknown, kind: NameKind): string[] {
  const services = isMap(data) && isMap(data.services) ? data.services : {}
  const containers = Object.values(services).flatMap((s) => (isMap(s) && isMap(s.instances) ? Object.keys(s.instances) : []))
  const names = kind === 'things' ? [...Object.keys(services), ...containers] : containers
  return [...new Set(names.filter((n) => COMPLETABLE.test(n)))]
}
