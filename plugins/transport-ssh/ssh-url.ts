/** `ssh://[user@]host[:port]`, as in DOCKER_HOST (pure). */
export interface SshUrl {
  readonly user?: string
  readonly host: string
  readonly port?: number
}

export const isSshUrl = (endpoint: string): boolean => /^ssh:\/\//i.test(endpoint.trim())

/** Parses an ssh:// endpoint; returns a reason string when it is malformed. */
export function parseSshUrl(endpoint: string): SshUrl | string {
  let url: URL
  try {
    url = new URL(endpoint.trim())
  } catch {
    return `malformed ssh endpoint ${endpoint}`
  }
  if (url.protocol !== 'ssh:') return `not an ssh endpoint: ${endpoint}`
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1')
  if (host === '') return `ssh endpoint ${endpoint} has no host`
  if (url.password !== '') return `ssh endpoint ${endpoint} must not carry a password (use a key or ssh-agent)`
  if ((url.pathname !== '' && url.pathname !== '/') || url.search !== '' || url.hash !== '') {
    return `ssh endpoint ${endpoint} must be ssh://[user@]host[:port] (set the remote socket with docker_socket)`
  }
  return {
    user: url.username === '' ? undefined : decodeURIComponent(url.username),
    host,
    port: url.port === '' ? undefined : Number(url.port),
  }
}
