import {inertText, MaestroError, unreachableError} from '../../src/api/index.js'

/** What docker-modem hands back on failure: a daemon answer (statusCode) or a socket error (code). */
export interface ModemError extends Error {
  readonly statusCode?: number
  readonly json?: unknown
  readonly code?: string
}

const NETWORK_CODES = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'EHOSTUNREACH', 'ENETUNREACH', 'EHOSTDOWN', 'ETIMEDOUT', 'EPIPE', 'ENOENT',
  'EACCES', 'ENOTFOUND', 'EAI_AGAIN', 'ENOTSOCK', 'ECONNABORTED', 'ERR_SOCKET_CLOSED',
])

const isTlsError = (e: ModemError): boolean =>
  /CERT|SSL|TLS|ALTNAME|SELF_SIGNED|UNABLE_TO_VERIFY|DEPTH_ZERO/i.test(e.code ?? '') || /certificate|ssl3?_|tls|handshake/i.test(e.message)

/** The daemon's own message, e.g. `No such container: web-1`. */
export const daemonMessage = (e: ModemError): string => inertText(rawDaemonMessage(e))

function rawDaemonMessage(e: ModemError): string {
  const json = e.json as {message?: unknown} | null | undefined
  if (json && typeof json === 'object' && typeof json.message === 'string') return json.message.trim()
  if (typeof e.json === 'string' && e.json.trim() !== '') return e.json.trim()
  const m = /^\(HTTP code \d+\) [^-]*- ([\s\S]*)$/.exec(e.message)
  return (m ? m[1]! : e.message).trim()
}

export interface ErrorContext {
  readonly ship: string
  readonly endpoint: string
  /** Set when the client's own timer aborted the request. */
  readonly timedOutAfter?: number
}

/** Any failure of one Engine API call as a MaestroError that says which ship and why. */
export function toMaestroError(e: unknown, context: ErrorContext): MaestroError {
  if (e instanceof MaestroError) return e
  const err = e as ModemError
  const {ship, endpoint} = context
  if (context.timedOutAfter !== undefined) {
    return unreachableError(ship, endpoint, new Error(`no answer within ${context.timedOutAfter} s`))
  }
  if (typeof err?.statusCode === 'number') {
    const message = daemonMessage(err)
    const hint = /client version .* too (old|new)/i.test(message) ? 'set api_version: auto on this ship' : undefined
    return new MaestroError('MAESTRO_DOCKER', `${ship}: ${message}`, {cause: e, hint})
  }
  if (err instanceof Error && isTlsError(err)) {
    const reason = /SSL routines:[^:]*:([^:]+)/.exec(err.message)?.[1] ?? err.message
    const cause = new Error(`TLS handshake failed: ${reason}`)
    return new MaestroError('MAESTRO_SHIP_UNREACHABLE', `ship ${ship} (${endpoint}) is unreachable: ${cause.message}`, {
      cause: e,
      hint: 'check tls_ca_cert, tls_cert and tls_key (paths are relative to the environment file)',
    })
  }
  if (err instanceof Error && (NETWORK_CODES.has(err.code ?? '') || err.name === 'AbortError')) {
    return unreachableError(ship, endpoint, err)
  }
  return new MaestroError('MAESTRO_DOCKER', `${ship}: ${err instanceof Error ? err.message : String(e)}`, {cause: e})
}
