/** Makes an ssh2 channel usable as the socket of an http.ClientRequest. */
import type {Duplex} from 'node:stream'

export type ChannelSocket = Duplex & {
  setTimeout(ms: number, callback?: () => void): ChannelSocket
  setNoDelay(): ChannelSocket
  setKeepAlive(): ChannelSocket
  ref(): ChannelSocket
  unref(): ChannelSocket
  readonly connecting: boolean
  timeout?: number
}

/**
 * Adds what http expects of a net.Socket: an idle timeout (emits 'timeout' after `ms` without
 * traffic, the way net.Socket does), and no-op Nagle/keepalive/ref switches (the SSH
 * connection carries those).
 */
export function asSocket(channel: Duplex): ChannelSocket {
  const s = channel as ChannelSocket & {__idle?: NodeJS.Timeout}
  let ms = 0
  const arm = () => {
    if (s.__idle) clearTimeout(s.__idle)
    s.__idle = ms > 0 && !s.destroyed ? setTimeout(() => s.emit('timeout'), ms) : undefined
  }
  const write = s.write.bind(s) as (...a: unknown[]) => boolean
  ;(s as {write: (...a: unknown[]) => boolean}).write = (...a) => (arm(), write(...a))
  s.on('data', arm)
  s.once('close', () => s.__idle && clearTimeout(s.__idle))
  Object.assign(s, {
    connecting: false,
    setTimeout(t: number, callback?: () => void) {
      ms = t
      s.timeout = t
      if (callback) s.once('timeout', callback)
      arm()
      return s
    },
    setNoDelay: () => s,
    setKeepAlive: () => s,
    ref: () => s,
    unref: () => s,
  })
  return s
}
