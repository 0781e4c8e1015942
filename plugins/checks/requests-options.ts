/** The subset of Python `requests` keyword arguments an http check honours. */
export interface RequestsOptions {
  readonly timeoutMs?: number
  readonly verify?: boolean | string
  readonly headers?: Record<string, string>
  readonly allowRedirects: boolean
}

const KNOWN = ['timeout', 'verify', 'headers', 'allow_redirects', 'auth']

export function validateRequestsOptions(value: unknown): string[] {
  if (value === undefined || value === null || typeof value !== 'object' || Array.isArray(value)) return []
  const problems: string[] = []
  for (const [key, v] of Object.entries(value)) {
    if (!KNOWN.includes(key)) problems.push(`requests_options "${key}" is not supported (supported: ${KNOWN.join(', ')})`)
    else if (key === 'timeout' && !(typeof v === 'number' || (Array.isArray(v) && v.length === 2 && v.every((x) => typeof x === 'number'))))
      problems.push('requests_options "timeout" must be seconds or [connect, read]')
    else if (key === 'verify' && typeof v !== 'boolean' && typeof v !== 'string') problems.push('requests_options "verify" must be true, false or a CA bundle path')
    else if (key === 'headers' && (v === null || typeof v !== 'object' || Array.isArray(v))) problems.push('requests_options "headers" must be a mapping')
    else if (key === 'allow_redirects' && typeof v !== 'boolean') problems.push('requests_options "allow_redirects" must be true or false')
    else if (key === 'auth' && !(Array.isArray(v) && v.length === 2)) problems.push('requests_options "auth" must be [user, password]')
  }
  return problems
}

/**
 * Converts requests' options. `timeout` [connect, read] becomes their sum; a `verify` path is read as a CA
 * bundle by `readCa`; `auth` becomes a basic Authorization header. Redirects are followed by default (requests does).
 */
export function parseRequestsOptions(value: unknown, readCa?: (path: string) => string): RequestsOptions {
  const o = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>
  const t = o.timeout
  const timeoutMs = typeof t === 'number' ? t * 1000 : Array.isArray(t) ? (Number(t[0]) + Number(t[1])) * 1000 : undefined
  const headers: Record<string, string> = {}
  if (o.headers && typeof o.headers === 'object') for (const [k, v] of Object.entries(o.headers)) headers[k] = String(v)
  if (Array.isArray(o.auth)) headers.authorization = `Basic ${Buffer.from(`${String(o.auth[0])}:${String(o.auth[1])}`).toString('base64')}`
  let verify: boolean | string | undefined
  if (typeof o.verify === 'boolean') verify = o.verify
  else if (typeof o.verify === 'string') verify = readCa ? readCa(o.verify) : true
  return {timeoutMs, verify, headers, allowRedirects: o.allow_redirects !== false}
}
