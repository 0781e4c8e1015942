/** Link variables (reference §3.1): what a service tells its dependents about its instances. */
import type {Environment} from '../model/types.js'
import {normalizeName} from './normalize-name.js'

/** `a/tcp` → `a`: the protocol is stripped, a range stays `a-b`. */
const portNumber = (port: string): string => port.split('/')[0]

const built = new WeakMap<Environment, Map<string, ReadonlyArray<readonly [string, string]>>>()

/**
 * `NORM(S)_NORM(C)_HOST`, `NORM(S)_NORM(C)_NORM(P)_PORT` (external) and, with `internal`,
 * `..._INTERNAL_PORT` (exposed) for every instance of `service`, then `NORM(S)_INSTANCES`.
 * Built once per (loaded environment, service, internal) and shared by every container that requires the service:
 * a fanned-in fleet would otherwise rebuild them per dependent, the square of its size.
 */
export function serviceLinkVars(env: Environment, service: string, internal: boolean): ReadonlyArray<readonly [string, string]> {
  const cache = built.get(env) ?? built.set(env, new Map()).get(env)!
  const key = `${internal ? 'i' : 'e'} ${service}`
  let vars = cache.get(key)
  if (!vars) cache.set(key, (vars = buildLinkVars(env, service, internal)))
  return vars
}

function buildLinkVars(env: Environment, service: string, internal: boolean): Array<[string, string]> {
  const svc = env.services[service]
  const prefix = normalizeName(service)
  const vars: Array<[string, string]> = []
  for (const name of svc.instances) {
    const container = env.containers[name]
    const base = `${prefix}_${normalizeName(name)}`
    vars.push([`${base}_HOST`, env.ships[container.ship].ip])
    for (const port of container.ports) {
      const portBase = `${base}_${normalizeName(port.name)}`
      vars.push([`${portBase}_PORT`, portNumber(port.external)])
      if (internal) vars.push([`${portBase}_INTERNAL_PORT`, portNumber(port.exposed)])
    }
  }
  vars.push([`${prefix}_INSTANCES`, [...svc.instances].sort().join(',')])
  return vars
}

const keysBuilt = new WeakMap<Environment, Map<string, ReadonlySet<string>>>()

/** The keys of every link variable a container of `service` receives (its own service's and its info services'). */
export function linkVarKeys(env: Environment, service: string): ReadonlySet<string> {
  const cache = keysBuilt.get(env) ?? keysBuilt.set(env, new Map()).get(env)!
  let keys = cache.get(service)
  if (!keys) {
    const all = new Set(serviceLinkVars(env, service, true).map(([k]) => k))
    for (const dep of infoServices(env, service)) for (const [k] of serviceLinkVars(env, dep, false)) all.add(k)
    cache.set(service, (keys = all))
  }
  return keys
}

/**
 * The services whose link variables a container of `service` receives besides its own:
 * every transitive `requires` (depth-first, in declaration order), then direct `wants_info`.
 * `volumes_from` dependencies contribute nothing.
 */
export function infoServices(env: Environment, service: string): string[] {
  const seen = new Set<string>([service])
  const out: string[] = []
  const visit = (name: string): void => {
    for (const dep of env.services[name]?.requires ?? []) {
      if (seen.has(dep)) continue
      seen.add(dep)
      out.push(dep)
      visit(dep)
    }
  }
  visit(service)
  for (const dep of env.services[service]?.wantsInfo ?? []) {
    if (seen.has(dep)) continue
    seen.add(dep)
    out.push(dep)
  }
  return out
}
