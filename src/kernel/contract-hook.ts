/**
 * A Node module resolve hook (module.register): `maestro-ng`, `maestro-ng/*` and `@oclif/core` imported by a plugin
 * resolve as if imported from the host package, so every plugin gets the host's one copy of the contract and of
 * oclif, however it was installed (linked, tarball, folder, git, registry) and whether or not it ships its own.
 */
interface ResolveContext {
  readonly parentURL?: string
  readonly conditions?: readonly string[]
}
type NextResolve = (specifier: string, context?: ResolveContext) => Promise<unknown>

let hostURL: string | undefined

export function initialize(data: {hostURL: string}): void {
  hostURL = data.hostURL
}

const SHARED = /^(?:maestro-ng|@oclif\/core)(?:\/|$)/

export async function resolve(specifier: string, context: ResolveContext, next: NextResolve): Promise<unknown> {
  if (hostURL === undefined || !SHARED.test(specifier) || context.parentURL?.startsWith(hostURL)) return next(specifier, context)
  return next(specifier, {...context, parentURL: new URL('package.json', hostURL).href})
}
