/** Splits an image reference the way docker does: `[host[:port]/]path[:tag][@digest]` (pure). */
export interface ImageRef {
  /** The reference without tag or digest, e.g. `reg.example.com:5000/team/app`. */
  readonly repository: string
  readonly tag?: string
  readonly digest?: string
  /** The first path component when the repository has more than one, e.g. `reg.example.com:5000`. */
  readonly firstComponent?: string
  /** The registry host when the first component looks like one (has `.` or `:`, or is `localhost`). */
  readonly host?: string
}

export function parseImageRef(image: string): ImageRef {
  let rest = image
  let digest: string | undefined
  const at = rest.indexOf('@')
  if (at >= 0) {
    digest = rest.slice(at + 1)
    rest = rest.slice(0, at)
  }
  let tag: string | undefined
  const colon = rest.lastIndexOf(':')
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1)
    rest = rest.slice(0, colon)
  }
  const slash = rest.indexOf('/')
  const firstComponent = slash > 0 ? rest.slice(0, slash) : undefined
  const looksLikeHost = firstComponent !== undefined && (/[.:]/.test(firstComponent) || firstComponent === 'localhost')
  return {repository: rest, tag, digest, firstComponent, host: looksLikeHost ? firstComponent : undefined}
}

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
