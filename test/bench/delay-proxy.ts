/**
 * A TCP proxy on 127.0.0.1 that holds every chunk for `delayMs` before passing it on, in both
 * directions (so a request/response round trip costs at least 2 × delayMs), preserving order and
 * half-closes. Used by the bench to put WAN-like latency in front of a ship (the kernel has no netem).
 */
import {connect, createServer, type Socket} from 'node:net'

export interface DelayProxyOptions {
  /** Port on 127.0.0.1 (default: any free port). */
  readonly listenPort?: number
  readonly target: {readonly host: string; readonly port: number}
  readonly delayMs: number
}

export interface DelayProxy {
  readonly port: number
  close(): Promise<void>
}

/** Forwards `from` to `to` with a fixed delay; equal delays keep chunks in order. */
function forwardDelayed(from: Socket, to: Socket, delayMs: number): void {
  from.on('data', (chunk: Buffer) => {
    setTimeout(() => {
      if (!to.destroyed) to.write(chunk)
    }, delayMs)
  })
  from.on('end', () => setTimeout(() => to.end(), delayMs))
  from.on('error', () => to.destroy())
  from.on('close', () => setTimeout(() => to.destroy(), delayMs + 1))
}

export async function startDelayProxy(options: DelayProxyOptions): Promise<DelayProxy> {
  const sockets = new Set<Socket>()
  let closing = false
  const track = (s: Socket): void => {
    sockets.add(s)
    s.on('close', () => sockets.delete(s))
  }
  const server = createServer({allowHalfOpen: true}, (client) => {
    if (closing) return void client.destroy()
    const upstream = connect({host: options.target.host, port: options.target.port, allowHalfOpen: true})
    track(client)
    track(upstream)
    client.setNoDelay(true)
    upstream.setNoDelay(true)
    forwardDelayed(client, upstream, options.delayMs)
    forwardDelayed(upstream, client, options.delayMs)
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.listenPort ?? 0, '127.0.0.1', () => resolve())
  })
  const port = (server.address() as {port: number}).port
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        closing = true
        server.close(() => resolve())
        for (const s of sockets) s.destroy()
      }),
  }
}
