/** SSH failures as one-line MaestroErrors naming the ship and the endpoint. */
import {MaestroError} from '../../src/api/index.js'
import {describeRemote, type SshTarget} from './target.js'

type SshFailure = Error & {code?: string; level?: string; reason?: string | number}

export const where = (t: SshTarget): string => `${t.ship} (${t.host}:${t.port})`

export function sshError(t: SshTarget, cause: unknown): MaestroError {
  const e = (cause instanceof Error ? cause : new Error(String(cause))) as SshFailure
  const secs = t.timeoutMs / 1000
  const say = (m: string) => new MaestroError('MAESTRO_SSH', `${where(t)}: ${m}`, {cause})
  if (e.level === 'client-authentication') return say(`SSH authentication failed for user ${t.user} (${t.explicitKey ? `key ${t.identityFiles[0]}` : 'keys and agent offered'} refused)`)
  if (/keepalive timeout/i.test(e.message)) return silentError(t)
  if (e.level === 'client-timeout') return connectTimeoutError(t, secs, cause)
  switch (e.code) {
    case 'ECONNREFUSED':
      return say('SSH connection refused (is sshd running?)')
    case 'ETIMEDOUT':
      return connectTimeoutError(t, secs, cause)
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return say('host unreachable')
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return say(`unknown host ${t.host}`)
    case 'ECONNRESET':
    case 'EPIPE':
      return say('SSH connection reset by the server')
  }
  return say(`SSH error: ${e.message}`)
}

export function lostError(t: SshTarget): MaestroError {
  return new MaestroError('MAESTRO_SSH', `${where(t)}: SSH connection lost`)
}

export function channelError(t: SshTarget, cause: unknown): MaestroError {
  const reason = cause instanceof Error ? cause.message : String(cause)
  return new MaestroError('MAESTRO_SSH', `${where(t)}: cannot reach the Docker daemon at ${describeRemote(t.remote)} through SSH: ${reason}`, {cause})
}

/**
 * The ship stopped answering. Keepalives, the channel-open timer and the Docker client's request timer race for the
 * same fault, so whichever fires first says it in these words.
 */
export function silentError(t: SshTarget, seconds = t.timeoutMs / 1000): MaestroError {
  return new MaestroError('MAESTRO_SSH', `${where(t)}: SSH link dead: no answer within ${seconds}s`)
}

/** The TCP connect or SSH handshake to `t` did not finish in time (the ssh2 timer and the request timer say the same). */
export function connectTimeoutError(t: SshTarget, seconds = t.timeoutMs / 1000, cause?: unknown): MaestroError {
  return new MaestroError('MAESTRO_SSH', `${where(t)}: SSH connection timed out after ${seconds}s`, cause === undefined ? undefined : {cause})
}
