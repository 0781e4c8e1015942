import {canonicalRegistry, registryNetloc} from './netloc.js'

/** The part of `~/.docker/config.json` Maestro reads. */
export interface DockerConfigEntry {
  readonly auth?: string
  readonly username?: string
  readonly password?: string
  readonly email?: string
  readonly identitytoken?: string
}

export interface DockerConfig {
  readonly auths?: Readonly<Record<string, DockerConfigEntry>>
}

export interface DockerCredentials {
  readonly username?: string
  readonly password?: string
  readonly email?: string
  readonly identitytoken?: string
}

export interface DockerConfigSource {
  readonly env: Readonly<Record<string, string | undefined>>
  readonly homedir: string
  /** Returns the file's text, or undefined when it does not exist. */
  readFile(path: string): string | undefined
}

/** Reads `$DOCKER_CONFIG/config.json` or `~/.docker/config.json`; undefined when absent or not JSON. */
export function readDockerConfig(source: DockerConfigSource): DockerConfig | undefined {
  const dir = source.env.DOCKER_CONFIG || `${source.homedir}/.docker`
  const text = source.readFile(`${dir}/config.json`)
  if (text === undefined) return undefined
  try {
    const data = JSON.parse(text) as unknown
    return data && typeof data === 'object' ? (data as DockerConfig) : undefined
  } catch {
    return undefined
  }
}

function decode(entry: DockerConfigEntry): DockerCredentials {
  let {username, password} = entry
  if (entry.auth) {
    const plain = Buffer.from(entry.auth, 'base64').toString('utf8')
    const sep = plain.indexOf(':')
    if (sep >= 0) {
      username = plain.slice(0, sep)
      password = plain.slice(sep + 1)
    }
  }
  return {username, password, email: entry.email, identitytoken: entry.identitytoken}
}

/**
 * Credentials stored for a registry. Keys may carry a scheme and path (`https://host:5000/v1/`); they must name
 * the same host and port (as Docker's own client matches them), so a password stored for `host:5000` never
 * goes to `host`.
 */
export function findDockerCredentials(config: DockerConfig | undefined, netloc: string): DockerCredentials | undefined {
  const auths = config?.auths
  if (!auths) return undefined
  const wanted = canonicalRegistry(netloc)
  const found = Object.entries(auths).find(([key]) => canonicalRegistry(registryNetloc(key)) === wanted)
  return found ? decode(found[1]) : undefined
}
