/** One SSH connection per ship for the whole command; every Docker request is a channel on it. */
import {homedir} from 'node:os'
import type {Duplex} from 'node:stream'
import type {Client, ClientChannel} from 'ssh2'
import type {Logger} from '../../src/api/index.js'
import {authMethods} from './auth.js'
import {asSocket, type ChannelSocket} from './channel-socket.js'
import {MaestroError} from '../../src/api/index.js'
import {channelError, connectTimeoutError, lostError, silentError, sshError, where} from './errors.js'
import {createHostKeyGate} from './host-keys.js'
import type {SshTarget} from './target.js'

export interface SessionOptions {
  readonly acceptNewHostKeys: boolean
  readonly env: Readonly<Record<string, string | undefined>>
  readonly log?: Logger
  /** Called each time an SSH connection is opened (feeds `stats.connections`). */
  readonly onConnect?: () => void
}

export class SshSession {
  /** SSH connections opened (the figure `stats.connections` reports). */
  connections = 0
  private client?: Promise<Client>
  /** Jump host connections under the current client, first hop first. */
  private hops: Client[] = []
  private readonly channels = new Set<ChannelSocket>()
  private closed = false
  /** Why the current connection died, once it has: channel failures then say that instead. */
  private lost: Error | undefined
  /** The hop whose handshake a connection attempt is waiting on (the ship itself or a jump host). */
  private handshaking: SshTarget | undefined
  /** Why the last connection attempt failed: a request timer firing just after it must not say something else. */
  private connectFailure: Error | undefined

  constructor(
    readonly target: SshTarget,
    private readonly options: SessionOptions,
  ) {}

  /** Why the current connection died, once it has (a request on it then fails with this, whatever else it saw). */
  get lostReason(): Error | undefined {
    return this.lost
  }

  /** A channel to the remote Docker daemon, within the ship's timeout. */
  async openChannel(): Promise<ChannelSocket> {
    const client = await this.connect()
    const {remote} = this.target
    const channel = await this.bounded<ClientChannel>((done) => {
      if (remote.kind === 'socket') client.openssh_forwardOutStreamLocal(remote.path, done)
      else client.forwardOut('127.0.0.1', 0, remote.host, remote.port, done)
    }, (t, err) => this.lost ?? channelError(t, err))
    const socket = asSocket(channel)
    this.channels.add(socket)
    socket.once('close', () => this.channels.delete(socket))
    return socket
  }

  /**
   * What a request that ran out of time was waiting on: a handshake still in progress says which hop did not answer,
   * in the words the handshake's own timer uses; otherwise the link is dead.
   */
  timeoutError(seconds: number): Error {
    const hop = this.handshaking
    return hop ? connectTimeoutError(hop, seconds) : (this.connectFailure ?? silentError(this.target, seconds))
  }

  /** Ends the connection; in-flight channels fail. Idempotent. */
  async close(): Promise<void> {
    this.closed = true
    const pending = this.client
    this.client = undefined
    if (!pending) return
    const client = await pending.catch(() => undefined)
    if (!client) return
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => (client.destroy(), resolve()), 1000)
      client.once('close', () => (clearTimeout(timer), resolve()))
      client.end()
    })
    this.endHops()
  }

  private endHops(): void {
    for (const hop of this.hops.splice(0).reverse()) hop.end()
  }

  private connect(): Promise<Client> {
    if (this.closed) return Promise.reject(lostError(this.target))
    this.client ??= this.open()
    return this.client
  }

  private async open(): Promise<Client> {
    const ssh2 = (await import('ssh2')).default
    const t = this.target
    this.lost = undefined
    this.connectFailure = undefined
    this.connections += 1
    this.options.onConnect?.()
    this.endHops()
    const jumps = t.jumps ?? []
    let sock: Duplex | undefined
    try {
      for (const [i, hop] of jumps.entries()) {
        const client = await this.handshake(ssh2, hop, sock, false)
        this.hops.push(client)
        const next = jumps[i + 1] ?? t
        sock = await this.bounded<ClientChannel>(
          (done) => client.forwardOut('127.0.0.1', 0, next.host, next.port, done),
          (h, err) => new MaestroError('MAESTRO_SSH', `${where(hop)}: jump host cannot reach ${next.host}:${next.port}: ${err.message}`, {cause: err}),
          hop,
        )
      }
      return await this.handshake(ssh2, t, sock, true)
    } catch (e) {
      this.endHops()
      this.connectFailure = e as Error
      throw e
    }
  }

  /** One SSH handshake to `t`, over `sock` (a channel through the previous jump host) when given. */
  private handshake(ssh2: typeof import('ssh2'), t: SshTarget, sock: Duplex | undefined, final: boolean): Promise<Client> {
    const gate = createHostKeyGate(t, this.options.acceptNewHostKeys)
    const auth = authMethods(t, this.options.env, this.options.env.HOME || homedir(), ssh2.utils.parseKey)
    const client = new ssh2.Client()
    this.options.log?.debug(`ssh: connecting to ${t.endpoint} for ${t.ship}${sock ? ' through the jump host' : ''}`)
    this.handshaking = t
    const settled = () => {
      if (this.handshaking === t) this.handshaking = undefined
    }
    return new Promise<Client>((resolve, reject) => {
      let ready = false
      let failure: Error | undefined
      client.on('ready', () => {
        try {
          gate.commit() // only now has the server proven it holds the key
        } catch (e) {
          failure = e as Error
          client.end()
          return
        }
        ready = true
        settled()
        resolve(client)
      })
      client.on('error', (err: Error) => {
        failure = gate.refusal ?? sshError(t, err)
        if (!ready) return (settled(), reject(failure))
        // said now: ssh2 closes the channels (their requests fail) before the connection's own 'close'
        if (final) this.lost = failure
      })
      client.on('close', () => {
        const lost = failure ?? lostError(t)
        settled()
        if (!ready) return reject(lost)
        if (!final) return
        this.lost = lost
        if (this.client) this.client = undefined
        this.endHops()
        for (const ch of this.channels) ch.fail(this.lost)
      })
      client.connect({
        ...(sock ? {sock} : {host: t.host, port: t.port}),
        username: t.user,
        readyTimeout: t.timeoutMs,
        keepaliveInterval: Math.max(250, Math.floor(t.timeoutMs / 4)),
        keepaliveCountMax: 3,
        hostVerifier: (key: Buffer) => gate.verify(key),
        algorithms: {serverHostKey: gate.algorithms as never},
        authHandler: auth as never,
      })
    })
  }

  /** Runs a callback-style ssh2 call, failing with a clear error when it exceeds the ship's timeout. */
  private bounded<T>(start: (done: (err: Error | undefined, value: T) => void) => void, wrap: (t: SshTarget, err: Error) => Error, on = this.target): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      let late = false
      const timer = setTimeout(() => ((late = true), reject(silentError(on))), on.timeoutMs)
      start((err, value) => {
        clearTimeout(timer)
        if (late) (value as {destroy?: () => void} | undefined)?.destroy?.()
        else if (err) reject(wrap(on, err))
        else resolve(value)
      })
    })
  }
}
