import type {Environment, RegistryConfig, RegistryRetry} from '../model/types.js'
import type {RegistryAuth} from '../api/docker.js'
import {findDockerCredentials, type DockerConfig} from './docker-config.js'
import {parseImageRef} from '../docker/image-ref.js'
import {netlocHost, registryNetloc} from './netloc.js'

export interface ResolvedRegistryAuth {
  /** Credentials to send with the pull, or undefined for an anonymous pull. */
  readonly auth?: RegistryAuth
  readonly retry: RegistryRetry
  /** The `registries:` entry that matched, if any. */
  readonly registry?: string
}

export const NO_RETRY: RegistryRetry = {attempts: 1, when: []}

/**
 * The `registries:` entry for an image (reference §5 Pull): the one named like the image's first path
 * component, else the one whose `registry` URL has that FQDN, with or without port.
 */
export function findRegistry(environment: Environment, image: string): RegistryConfig | undefined {
  const first = parseImageRef(image).firstComponent
  if (first === undefined) return undefined
  const registries = Object.values(environment.registries)
  const byName = registries.find((r) => r.name === first)
  if (byName) return byName
  const wanted = first.toLowerCase()
  return registries.find((r) => {
    const netloc = registryNetloc(r.registry)
    return wanted === netloc || wanted === netlocHost(netloc)
  })
}

/**
 * What to log in with to pull `image`: username/password from the matching `registries:` entry, else from
 * the Docker config `auths` for that registry's host (or for the image's own registry host when no entry
 * matches), plus the entry's retry spec.
 */
export function resolveRegistryAuth(environment: Environment, image: string, dockerConfig?: DockerConfig): ResolvedRegistryAuth {
  const entry = findRegistry(environment, image)
  if (!entry) {
    const host = parseImageRef(image).registryHost
    const stored = host === undefined ? undefined : findDockerCredentials(dockerConfig, host)
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
