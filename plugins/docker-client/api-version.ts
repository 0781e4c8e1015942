/** The newest Engine API version Maestro speaks (Docker 20.10). */
export const CLIENT_MAX_API_VERSION = '1.41'

const parts = (v: string): [number, number] => {
  const m = /^v?(\d+)\.(\d+)$/.exec(v.trim())
  if (!m) throw new Error(`not an API version: ${v}`)
  return [Number(m[1]), Number(m[2])]
}

export const isApiVersion = (v: string): boolean => /^v?\d+\.\d+$/.test(v.trim())

export function compareApiVersions(a: string, b: string): number {
  const [a1, a2] = parts(a)
  const [b1, b2] = parts(b)
  return a1 !== b1 ? a1 - b1 : a2 - b2
}

/** `auto` negotiation: the lower of what we speak and what the daemon speaks. */
export function negotiateApiVersion(serverVersion: string, clientMax = CLIENT_MAX_API_VERSION): string {
  return compareApiVersions(serverVersion, clientMax) < 0 ? serverVersion.replace(/^v/, '') : clientMax
}
