import type {RegistryRetry} from '../model/types.js'

export interface RetryOptions {
  /** Pause between attempts (default 1000 ms). */
  readonly delayMs?: number
  readonly signal?: AbortSignal
  onRetry?(attempt: number, status: number, error: unknown): void
}

/**
 * The HTTP status an error carries: `statusCode`/`status` on it or its causes (docker-modem sets
 * `statusCode`), else one named in the message (`HTTP status: 503`, `status code 429`).
 */
export function httpStatusOf(error: unknown): number | undefined {
  for (let e = error, depth = 0; e && depth < 8; e = (e as {cause?: unknown}).cause, depth++) {
    if (typeof e !== 'object') break
    for (const key of ['statusCode', 'status'] as const) {
      const v = (e as Record<string, unknown>)[key]
      if (typeof v === 'number' && v >= 100 && v < 600) return v
    }
    const message = (e as {message?: unknown}).message
    if (typeof message === 'string') {
      const m = /\b(?:HTTP status|status code|status)\s*:?\s*(\d{3})\b/i.exec(message)
      if (m) return Number(m[1])
    }
  }
  return undefined
}

/** Runs `fn`, retrying (up to `retry.attempts` in all) only when it fails with a status in `retry.when`. */
export async function withRetry<T>(fn: (attempt: number) => Promise<T>, retry: RegistryRetry, options: RetryOptions = {}): Promise<T> {
  const attempts = Math.max(1, Math.floor(retry.attempts))
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn(attempt)
    } catch (error) {
      const status = httpStatusOf(error)
      if (attempt >= attempts || status === undefined || !retry.when.includes(status) || options.signal?.aborted) throw error
      options.onRetry?.(attempt, status, error)
      await pause(options.delayMs ?? 1000, options.signal)
    }
  }
}

function pause(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason)
    const done = (): void => {
      signal?.removeEventListener('abort', stop)
      resolve()
    }
    const timer = setTimeout(done, ms)
    const stop = (): void => {
      clearTimeout(timer)
      reject(signal?.reason)
    }
    signal?.addEventListener('abort', stop, {once: true})
  })
}
