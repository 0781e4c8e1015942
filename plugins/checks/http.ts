import {readFileSync} from 'node:fs'
import type {CheckContext, CheckSpec, LifecycleCheck} from '../../src/api/index.js'
import {abortReason, delay} from '../shared/abort.js'
import {httpRequest} from '../shared/http-request.js'
import {boundHostPort, checkFailed, DEFAULT_TIMING, nonNegativeNumber, num, oneOf, validateKeys, type CheckTiming} from './common.js'
import {parseRequestsOptions, validateRequestsOptions} from './requests-options.js'

/** Without requests_options.timeout a request may run past the deadline by this much at most. */
const MIN_REQUEST_MS = 1000
const METHODS = ['get', 'head', 'post', 'put', 'patch', 'delete', 'options']

/**
 * `{type: http, port, host?, path: '/', scheme: http, method: get, match_regex?, max_wait: 300 s, requests_options?}`:
 * one request per interval until a 200, or a body matching `match_regex` (status then ignored), or the deadline.
 */
export function createHttpCheck(timing: CheckTiming = DEFAULT_TIMING): LifecycleCheck {
  return {
    type: 'http',
    validate: (spec) => [
      ...validateKeys(spec, {
        port: (v) => ((typeof v === 'string' && v !== '') || (Number.isInteger(v) && (v as number) > 0) ? undefined : 'must be a port name or number'),
        host: (v) => (typeof v === 'string' && v !== '' ? undefined : 'must be a host name or address'),
        path: (v) => (typeof v === 'string' ? undefined : 'must be a string'),
        scheme: oneOf('http', 'https'),
        method: oneOf(...METHODS),
        match_regex: regexRule,
        max_wait: nonNegativeNumber,
        requests_options: (v) => (v !== null && typeof v === 'object' && !Array.isArray(v) ? undefined : 'must be a mapping'),
      }, ['port']),
      ...validateRequestsOptions(spec.requests_options),
    ],
    async run(spec: CheckSpec, context: CheckContext): Promise<void> {
      const named = context.container.ports.find((p) => p.name === String(spec.port))
      const url = httpCheckUrl(spec, context, named && (await boundHostPort(context, named)))
      const regex = typeof spec.match_regex === 'string' ? pythonRegex(spec.match_regex) : undefined
      const options = parseRequestsOptions(spec.requests_options, (p) => readFileSync(p, 'utf8'))
      const deadline = Date.now() + num(spec, 'max_wait', 300) * 1000
      let last = 'no attempt made'
      for (let attempt = 1; ; attempt++) {
        if (context.signal.aborted) throw abortReason(context.signal)
        context.onAttempt?.(attempt)
        const remaining = Math.max(1, deadline - Date.now())
        try {
          const res = await httpRequest({
            url, method: String(spec.method ?? 'get'), headers: options.headers, verify: options.verify, followRedirects: options.allowRedirects,
            timeoutMs: options.timeoutMs ?? Math.max(remaining, MIN_REQUEST_MS), signal: context.signal,
          })
          if (regex ? regex.test(res.body) : res.status === 200) return
          last = regex ? `HTTP ${res.status}, body does not match /${regex.source}/` : `HTTP ${res.status}`
        } catch (e) {
          if (context.signal.aborted) throw abortReason(context.signal)
          last = (e as Error).message
        }
        if (Date.now() + timing.intervalMs > deadline) break
        await delay(timing.intervalMs, context.signal)
      }
      throw checkFailed(`http check: ${url} of ${context.container.name} not ready within ${num(spec, 'max_wait', 300)} s: ${last}`)
    },
  }
}

const regexRule = (v: unknown): string | undefined => {
  if (typeof v !== 'string') return 'must be a regular expression string'
  try {
    pythonRegex(v)
    return undefined
  } catch (e) {
    return `is not a valid regular expression: ${(e as Error).message}`
  }
}

/** A Python `re` pattern as a JS RegExp with DOTALL: named groups `(?P<n>…)`/`(?P=n)` are translated. */
export function pythonRegex(pattern: string): RegExp {
  return new RegExp(pattern.replace(/\(\?P<(\w+)>/g, '(?<$1>').replace(/\(\?P=(\w+)\)/g, '\\k<$1>'), 's')
}

/** `scheme://host:port/path`, with a named port resolved to its external port on the ship (`bound`, when known). */
export function httpCheckUrl(spec: CheckSpec, context: CheckContext, bound?: number): string {
  const host = typeof spec.host === 'string' ? spec.host : context.ship.ip
  const named = context.container.ports.find((p) => p.name === String(spec.port))
  let port: number
  if (named) port = bound ?? Number.parseInt(named.external, 10)
  else if (/^\d+$/.test(String(spec.port))) port = Number(spec.port)
  else throw checkFailed(`http check: ${context.container.name} has no port named "${String(spec.port)}"`)
  const path = typeof spec.path === 'string' ? spec.path : '/'
  const scheme = typeof spec.scheme === 'string' ? spec.scheme.toLowerCase() : 'http'
  const h = host.includes(':') && !host.startsWith('[') ? `[${host}]` : host
  return `${scheme}://${h}:${port}${path.startsWith('/') ? path : `/${path}`}`
}
