/**
 * A small SSH server on 127.0.0.1 (ssh2's Server) that forwards direct-tcpip and
 * direct-streamlocal channels to a local HTTP server, behind a TCP proxy that can go silent.
 * For fast tests of the SSH transport without the lab.
 */
import {createServer as createHttpServer, type Server as HttpServer} from 'node:http'
import {connect, createServer as createNetServer, type Server as NetServer, type Socket} from 'node:net'
import {writeFileSync} from 'node:fs'
import {join} from 'node:path'
import ssh2 from 'ssh2'

export interface FakeSshd {
  readonly port: number
  /** Raw public key blob of the host key. */
  readonly hostKey: Buffer
  /** Private key file the server authorises. */
  readonly clientKeyFile: string
  /** SSH connections the server accepted (TCP level). */
  readonly connections: () => number
  readonly channels: () => number
  readonly httpRequests: () => number
  /** Stops forwarding bytes in both directions without closing anything (a hung server). */
  freeze(): void
  /** Drops every connection at once (a killed server). */
  kill(): void
  close(): Promise<void>
}

/**
 * An ed25519 key pair ssh2 can read back: about 1 in 200 keys from ssh2's own generator are
 * refused by its parser ("Malformed OpenSSH private key"), so draw again.
 */
export function freshKeyPair(options?: {passphrase: string; cipher: string; rounds: number}): {private: string; public: string} {
  for (;;) {
    const pair = options ? ssh2.utils.generateKeyPairSync('ed25519', options) : ssh2.utils.generateKeyPairSync('ed25519')
    if (!(ssh2.utils.parseKey(pair.private, options?.passphrase) instanceof Error)) return pair
  }
}

const listen = (server: NetServer | HttpServer): Promise<number> =>
  new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as {port: number}).port)))

export async function startFakeSshd(dir: string, options: {rejectStreamLocal?: boolean} = {}): Promise<FakeSshd> {
  const {utils, Server} = ssh2
  const host = freshKeyPair()
  const client = freshKeyPair()
  const clientKeyFile = join(dir, 'client_ed25519')
  writeFileSync(clientKeyFile, client.private, {mode: 0o600})
  const allowed = utils.parseKey(client.public)
  if (allowed instanceof Error) throw allowed
  let httpRequests = 0
  let channels = 0
  let connections = 0
  const http = createHttpServer((req, res) => {
    httpRequests += 1
    if (req.url === '/slow') return void setTimeout(() => res.end('late'), 60_000).unref()
    res.setHeader('content-type', 'text/plain')
    res.end(`ok ${req.url}`)
  })
  const httpPort = await listen(http)
  const forward = (accept: () => ssh2.ServerChannel) => {
    channels += 1
    const ch = accept()
    const up = connect(httpPort, '127.0.0.1')
    ch.pipe(up).pipe(ch)
    up.on('error', () => ch.destroy())
    ch.on('close', () => up.destroy())
  }
  const sshd = new Server({hostKeys: [host.private]}, (conn) => {
    conn.on('authentication', (ctx) => {
      if (ctx.method === 'publickey' && ctx.key.data.equals(allowed.getPublicSSH())) {
        if (!ctx.signature || allowed.verify(ctx.blob!, ctx.signature, ctx.hashAlgo)) return ctx.accept()
      }
      ctx.reject(['publickey'])
    })
    conn.on('ready', () => {
      conn.on('tcpip', (accept) => forward(accept))
      conn.on('openssh.streamlocal', (accept, reject) => (options.rejectStreamLocal ? reject() : forward(accept)))
    })
    conn.on('error', () => undefined)
  })
  const sshdPort = await listen(sshd as unknown as NetServer)
  // the proxy in front: freeze() stops the bytes, kill() resets the sockets
  const live = new Set<Socket>()
  let frozen = false
  const proxy = createNetServer((down) => {
    connections += 1
    const up = connect(sshdPort, '127.0.0.1')
    for (const [a, b] of [[down, up], [up, down]] as const) {
      a.on('data', (d) => void (frozen || b.write(d)))
      a.on('error', () => b.destroy())
      a.on('close', () => b.destroy())
      live.add(a)
      a.on('close', () => live.delete(a))
    }
  })
  const port = await listen(proxy)
  return {
    port,
    hostKey: utils.parseKey(host.public) instanceof Error ? Buffer.alloc(0) : (utils.parseKey(host.public) as ssh2.ParsedKey).getPublicSSH(),
    clientKeyFile,
    connections: () => connections,
    channels: () => channels,
    httpRequests: () => httpRequests,
    freeze: () => void (frozen = true),
    kill: () => live.forEach((s) => s.resetAndDestroy()),
    close: async () => {
      live.forEach((s) => s.destroy())
      http.closeAllConnections()
      await Promise.all([proxy, sshd as unknown as NetServer, http].map((s) => new Promise((r) => s.close(r))))
    },
  }
}
