import {connect} from 'node:net'

export interface TcpProbeOptions {
  readonly connectTimeoutMs: number
  /** How long the connection must stay open after connecting. */
  readonly settleMs: number
  readonly signal?: AbortSignal
}

/**
 * One readiness probe of `host:port`. Resolves undefined when something listens, else the reason.
 *
 * Connecting is not enough (upstream #53): Docker's userland proxy accepts every connection on a published
 * port and only then dials the container, closing the client's connection at once when nothing listens
 * there. So the connection must also survive `settleMs` (or deliver data) to count.
 */
export function probeTcp(host: string, port: number, options: TcpProbeOptions): Promise<string | undefined> {
  return new Promise((resolve) => {
    const socket = connect({host, port})
    let settled = false
    const finish = (reason: string | undefined): void => {
      if (settled) return
      settled = true
      clearTimeout(connectTimer)
      clearTimeout(settleTimer)
      options.signal?.removeEventListener('abort', onAbort)
      socket.destroy()
      resolve(reason)
    }
    const onAbort = (): void => finish('aborted')
    options.signal?.addEventListener('abort', onAbort, {once: true})
    let settleTimer: NodeJS.Timeout | undefined
    const connectTimer = setTimeout(() => finish(`no connection within ${options.connectTimeoutMs} ms`), options.connectTimeoutMs)
    socket.once('connect', () => {
      clearTimeout(connectTimer)
      settleTimer = setTimeout(() => finish(undefined), options.settleMs)
    })
    socket.once('data', () => finish(undefined))
    socket.once('end', () => finish('connection closed right after connecting (a port proxy with nothing listening behind it?)'))
    socket.once('close', () => finish('connection closed right after connecting (a port proxy with nothing listening behind it?)'))
    socket.once('error', (e: NodeJS.ErrnoException) => finish(e.code === 'ECONNREFUSED' ? 'connection refused' : e.code === 'ECONNRESET' ? 'connection reset right after connecting (a port proxy with nothing listening behind it?)' : e.message))
  })
}
