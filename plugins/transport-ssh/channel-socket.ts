/** Makes an ssh2 channel usable as the socket of an http.ClientRequest. */
import {Duplex} from 'node:stream'

export type ChannelSocket = Duplex & {
  setTimeout(ms: number, callback?: () => void): ChannelSocket
  setNoDelay(): ChannelSocket
  setKeepAlive(): ChannelSocket
  ref(): ChannelSocket
  unref(): ChannelSocket
  readonly connecting: boolean
  timeout?: number
  /** Fails whoever uses the socket with `err` now (before any 'close'), then tears it down. */
  fail(err: Error): void
}

/**
 * Adds what http expects of a net.Socket: an idle timeout (emits 'timeout' after `ms` without
 * traffic, as net.Socket does), no-op Nagle/keepalive/ref switches (the SSH connection carries
 * those), and a destroy(err) that really tears the stream down locally with that error: ssh2's
 * own destroy() only asks the server to close the channel, which a dead server never answers.
 */
export function asSocket(channel: Duplex): ChannelSocket {
  const s = channel as ChannelSocket
  let ms = 0
  let idle: NodeJS.Timeout | undefined
  let closed = false
  const arm = () => {
    if (idle) clearTimeout(idle)
    idle = ms > 0 && !closed ? setTimeout(() => s.emit('timeout'), ms) : undefined
  }
  const write = s.write.bind(s) as (...a: unknown[]) => boolean
  const emit = s.emit.bind(s) as (event: string | symbol, ...args: unknown[]) => boolean
  const askClose = s.destroy.bind(s) as () => void
  Object.assign(s, {
    connecting: false,
    write: (...a: unknown[]) => (arm(), write(...a)),
    emit(event: string | symbol, ...args: unknown[]): boolean {
      if (event === 'close') {
        if (closed) return false
        closed = true
        if (idle) clearTimeout(idle)
      }
      return emit(event, ...args)
    },
    destroy(err?: Error) {
      if (!s.destroyed) {
        askClose()
        Duplex.prototype.destroy.call(s, err)
      }
      return s
    },
    setTimeout(t: number, callback?: () => void) {
      ms = t
      s.timeout = t
      if (callback) s.once('timeout', callback)
      arm()
      return s
    },
    fail(err: Error) {
      if (closed || s.destroyed) return
      emit('error', err)
      s.destroy()
    },
    setNoDelay: () => s,
    setKeepAlive: () => s,
    ref: () => s,
    unref: () => s,
  })
  s.on('data', arm)
  // an idle socket in the agent's pool has no other 'error' listener
  s.on('error', () => undefined)
  return s
}
