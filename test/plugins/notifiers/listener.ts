import {createServer, type IncomingMessage, type Server} from 'node:http'

export interface Received {
  readonly method: string
  readonly url: string
  readonly headers: IncomingMessage['headers']
  readonly body: string
}

/** A local HTTP listener on 127.0.0.1 recording every request; answers `status` (default 200). */
export async function startListener(status = 200, delayMs = 0): Promise<{url: string; received: Received[]; server: Server}> {
  const received: Received[] = []
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      received.push({method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8')})
      setTimeout(() => {
        res.statusCode = status
        res.end('ok')
      }, delayMs)
    })
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  return {url: `http://127.0.0.1:${(server.address() as {port: number}).port}`, received, server}
}
