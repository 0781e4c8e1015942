import {describeError, MaestroError} from '../api/errors.js'
import type {DockerClient, PullProgress} from '../api/docker.js'
import type {Environment} from '../model/types.js'
import {parseImageRef, withDefaultTag} from '../docker/image-ref.js'
import {resolveRegistryAuth, type ResolvedRegistryAuth} from './auth.js'
import type {DockerConfig} from './docker-config.js'
import {httpStatusOf, withRetry} from './retry.js'

export interface PullOptions {
  /** The user's Docker config (`readHostDockerConfig()`); credentials fall back to its `auths`. */
  readonly dockerConfig?: DockerConfig
  onProgress?(progress: PullProgress): void
  onRetry?(attempt: number, status: number): void
  readonly signal?: AbortSignal
  /** Pause between retries (default 1000 ms). */
  readonly retryDelayMs?: number
}

/**
 * Pulls `image` on one ship with the credentials and retry spec `registries:` (or the Docker config) give
 * for it (reference §5 Pull). Failures become one clear `MAESTRO_REGISTRY` error.
 */
export async function pullImageWithAuth(docker: DockerClient, environment: Environment, image: string, options: PullOptions = {}): Promise<ResolvedRegistryAuth> {
  const resolved = resolveRegistryAuth(environment, image, options.dockerConfig)
  const ref = withDefaultTag(image)
  try {
    await withRetry(() => docker.pullImage(ref, resolved.auth, options.onProgress), resolved.retry, {
      delayMs: options.retryDelayMs, signal: options.signal, onRetry: (attempt, status) => options.onRetry?.(attempt, status),
    })
  } catch (error) {
    if (options.signal?.aborted) throw error
    throw pullError(image, docker.ship, resolved, error)
  }
  return resolved
}

/** Says why a pull failed in words a user can act on: refused credentials, missing login, unreachable, not found. */
function pullError(image: string, ship: string, resolved: ResolvedRegistryAuth, error: unknown): MaestroError {
  const reason = describeError(error).replace(`${ship}: `, '').replace(/^pull of \S+ failed: /, '')
  const host = parseImageRef(image).registryHost ?? 'Docker Hub'
  const who = resolved.auth?.username ? ` as ${resolved.auth.username}` : ''
  const via = resolved.registry ? ` (registries: ${resolved.registry})` : ''
  let message: string
  let hint: string | undefined
  if (/unauthorized|authentication required|incorrect username or password|denied/i.test(reason) && resolved.auth) {
    message = `registry ${host}${via} refused the login${who} while pulling ${image} on ${ship}: ${reason}`
    hint = 'check the username and password of the registries: entry (or of ~/.docker/config.json)'
  } else if (/no basic auth credentials|unauthorized|authentication required/i.test(reason)) {
    message = `registry ${host} needs a login to pull ${image} on ${ship}: ${reason}`
    hint = `add a registries: entry for ${host} with username and password, or log in with docker login`
  } else if (/connection refused|no route to host|i\/o timeout|no such host|network is unreachable|dial tcp|EHOSTUNREACH|ECONNREFUSED|ETIMEDOUT/i.test(reason)) {
    message = `registry ${host}${via} is unreachable from ${ship} while pulling ${image}: ${reason}`
  } else if (/manifest unknown|not found|does not exist/i.test(reason) || httpStatusOf(error) === 404) {
    message = `image ${image} was not found on ${host}${via} (pulling on ${ship}): ${reason}`
  } else {
    message = `pull of ${image} on ${ship} failed${via}: ${reason}`
  }
  return new MaestroError('MAESTRO_REGISTRY', message, {cause: error, hint})
}
