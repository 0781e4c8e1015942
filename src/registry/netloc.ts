/** Registry addresses as `registries:` entries and Docker config `auths` keys write them (pure). */

/** `https://reg.example.com:5000/v2/` → `reg.example.com:5000`; a bare `host:port` is returned as is. */
export function registryNetloc(url: string): string {
  const noScheme = url.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '')
  const end = noScheme.search(/[/?#]/)
  const netloc = end >= 0 ? noScheme.slice(0, end) : noScheme
  return netloc.replace(/^[^@]*@/, '').toLowerCase()
}

/** The host part of a netloc, without the port. */
export function netlocHost(netloc: string): string {
  if (netloc.startsWith('[')) return netloc.slice(0, netloc.indexOf(']') + 1)
  const colon = netloc.lastIndexOf(':')
  return colon >= 0 ? netloc.slice(0, colon) : netloc
}

/** Docker Hub's names for itself: an image without a registry host is pulled from there. */
const DOCKER_HUB = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io', 'registry.hub.docker.com'])

/** A registry address compared as Docker compares them: lower case, `:443` implied, Docker Hub under one name. */
export function canonicalRegistry(netloc: string): string {
  const plain = registryNetloc(netloc).replace(/:443$/, '')
  return DOCKER_HUB.has(plain) ? 'docker.io' : plain
}
