/** Docker image references as MaestroNG reads them (reference §3.1) and as Maestro pulls them. */

export interface ImageRef {
  /** The image string as written. */
  readonly image: string
  /** Everything before the tag or digest, registry host included (`reg:5000/org/app`). */
  readonly repository: string
  /** The tag, when one is written. */
  readonly tag?: string
  /** The digest (`sha256:…`), when the reference has `@digest`. */
  readonly digest?: string
  /** The first path component when the repository has more than one (`reg.example.com:5000`, `team`). */
  readonly firstComponent?: string
  /** The registry host (`reg.example.com:5000`), when the first path component names one. */
  readonly registryHost?: string
  /**
   * The `DOCKER_TAG` value: the text after the last `:` that is not a registry port, or `latest`.
   * Upstream applies that rule to digests too, so `app@sha256:abc` gives `abc`.
   */
  readonly dockerTag: string
}

function isRegistryHost(component: string): boolean {
  return component.includes('.') || component.includes(':') || component === 'localhost'
}

export function parseImageRef(image: string): ImageRef {
  const at = image.indexOf('@')
  const named = at >= 0 ? image.slice(0, at) : image
  const digest = at >= 0 ? image.slice(at + 1) : undefined
  const slash = named.indexOf('/')
  const firstComponent = slash > 0 ? named.slice(0, slash) : undefined
  const registryHost = firstComponent !== undefined && isRegistryHost(firstComponent) ? firstComponent : undefined
  const colon = named.lastIndexOf(':')
  const hasTag = colon > named.lastIndexOf('/')
  const repository = hasTag ? named.slice(0, colon) : named
  const tag = hasTag ? named.slice(colon + 1) : undefined
  return {image, repository, tag, digest, firstComponent, registryHost, dockerTag: upstreamDockerTag(image)}
}

/** Upstream's `rsplit(':', 1)` rule: a last part containing `/` is a registry port, not a tag. */
function upstreamDockerTag(image: string): string {
  const colon = image.lastIndexOf(':')
  if (colon < 0) return 'latest'
  const last = image.slice(colon + 1)
  if (last.includes('/') || last === '') return 'latest'
  return last
}

/**
 * The reference to create containers from and to pull: untagged means `:latest`.
 * (A documented divergence: upstream pulls untagged images on every start.)
 */
export function withDefaultTag(image: string): string {
  const ref = parseImageRef(image)
  if (ref.tag !== undefined || ref.digest !== undefined) return image
  return `${image}:latest`
}
