import type {Environment, RegistryConfig, RegistryRetry} from '../model/types.js'
import type {RegistryAuth} from '../api/docker.js'
import {findDockerCredentials, type DockerConfig} from './docker-config.js'
import {parseImageRef} from '../docker/image-ref.js'
import {canonicalRegistry, registryNetloc} from './netloc.js'

export interface ResolvedRegistryAuth {
  /** Credentials to send with the pull, or undefined for an anonymous pull. */
  readonly auth?: RegistryAuth
  readonly retry: RegistryRetry
  /** The `registries:` entry that matched, if any. */
  readonly registry?: string
}

export const NO_RETRY: RegistryRetry = {attempts: 1, when: []}

/** The registry an image is really pulled from: its first path component when that names a host, else Docker Hub. */
export const imageRegistry = (image: string): string => canonicalRegistry(parseImageRef(image).registryHost ?? 'docker.io')

/**
 * The `registries:` entry for an image: the one whose `registry` URL is the image's own registry (host and port).
 * Upstream also matched an entry *named* like the image's first path component (reference §5 Pull), so
 * `acme/app`, pulled from Docker Hub, received the `acme` entry's password; credentials now go only to the
 * registry they belong to (docs/divergences.md).
 */
export function findRegistry(environment: Environment, image: string): RegistryConfig | undefined {
  const wanted = imageRegistry(image)
  return Object.values(environment.registries).find((r) => canonicalRegistry(r.registry) === wanted)
}

/**
 * What to log in with to pull `image`: username/password from the matching `registries:` entry, else from
 * the Docker config `auths` for that registry's host (or for the image's own registry host when no entry
 * matches), plus the entry's retry spec.
 */
export function resolveRegistryAuth(environment: Environment, image: string, dockerConfig?: DockerConfig): ResolvedRegistryAuth {
  const entry = findRegistry(environment, image)
  if (!entry) {
    const host = imageRegistry(image)
    const stored = findDockerCredentials(dockerConfig, host)
    if (!stored || (stored.username === undefined && stored.identitytoken === undefined)) return {retry: NO_RETRY}
    return {auth: clean({...stored, serveraddress: host}), retry: NO_RETRY}
  }
  const netloc = registryNetloc(entry.registry)
  const stored = findDockerCredentials(dockerConfig, netloc)
  const username = entry.username ?? stored?.username
  const password = entry.password ?? (entry.username === undefined || entry.username === stored?.username ? stored?.password : undefined)
  const identitytoken = entry.username === undefined ? stored?.identitytoken : undefined
  const retry = entry.retry ?? NO_RETRY
  if (username === undefined && identitytoken === undefined) return {retry, registry: entry.name}
  const auth = clean({username, password, email: entry.email ?? stored?.email, identitytoken, serveraddress: netloc})
  return {auth, retry, registry: entry.name}
}

function clean(auth: RegistryAuth): RegistryAuth {
  return Object.fromEntries(Object.entries(auth).filter(([, v]) => v !== undefined)) as RegistryAuth
}
