/** Sleeps `ms`, or rejects as soon as `signal` aborts. */
export function delay(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason)
    const stop = (): void => {
      clearTimeout(timer)
      reject(signal?.reason)
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', stop)
      resolve()
    }, ms)
    signal?.addEventListener('abort', stop, {once: true})
  })
}

/** `3m2s`, `14s`, `2h5m`, `4d3h`: upstream's compact duration. */
export function compactDuration(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds))
  const units: [number, string][] = [[86400, 'd'], [3600, 'h'], [60, 'm'], [1, 's']]
  const parts: string[] = []
  let rest = s
  for (const [size, name] of units) {
    if (rest >= size || (size === 1 && parts.length === 0)) {
      parts.push(`${Math.floor(rest / size)}${name}`)
      rest %= size
    }
    if (parts.length === 2) break
  }
  return parts.join('')
}

const UNIT_SECONDS: Record<string, number> = {second: 1, minute: 60, hour: 3600, day: 86400, week: 604800, month: 2592000, year: 31536000}

/**
 * Seconds in Docker's human status (`Up 3 minutes`, `Exited (0) About an hour ago`, `Up Less than a second`),
 * as `listContainers` reports it; undefined when it names no duration.
 */
export function statusAge(status: string): number | undefined {
  if (/less than a second/i.test(status)) return 0
  const m = /(\d+|an?|about an?)\s+(second|minute|hour|day|week|month|year)s?/i.exec(status)
  if (!m) return undefined
  const n = /^\d+$/.test(m[1]) ? Number(m[1]) : 1
  return n * UNIT_SECONDS[m[2].toLowerCase()]
}
