/** A TCP proxy on 127.0.0.1 that delays every chunk by `delayMs` in each direction (bench only). */
import {createServer, connect, type Socket} from 'node:net'

export interface DelayProxy {
  readonly port: number
  close(): Promise<void>
}

function pipeDelayed(from: Socket, to: Socket, delayMs: number): void {
  from.on('data', (chunk) => void setTimeout(() => to.writable && to.write(chunk), delayMs))
  from.on('end', () => void setTimeout(() => to.end(), delayMs))
  from.on('error', () => to.destroy())
}

export async function startDelayProxy(options: {target: {host: string; port: number}; delayMs: number}): Promise<DelayProxy> {
  const sockets = new Set<Socket>()
  const half = options.delayMs / 2
  const server = createServer((client) => {
    const upstream = connect(options.target)
    for (const s of [client, upstream]) {
      sockets.add(s)
      s.on('close', () => sockets.delete(s))
    }
    pipeDelayed(client, upstream, half)
    pipeDelayed(upstream, client, half)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as {port: number}).port
  return {
    port,
    close: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy()
        server.close(() => resolve())
      }),
  }
}
