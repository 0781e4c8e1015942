import {Agent as HttpAgent, type IncomingMessage} from 'node:http'
import {inspect} from 'node:util'
import {Agent as HttpsAgent} from 'node:https'
import {Socket} from 'node:net'
import type {Duplex} from 'node:stream'
import type {DockerClientStats} from '../../src/api/index.js'
import {toMaestroError, type ModemError} from './errors.js'
import {importModem} from './modem-module.js'
import {Slots} from './slots.js'

/**
 * How to reach one daemon. Exactly one of `socketPath` or `host` is used (socketPath wins).
 *
 * `agent`: a caller-supplied http.Agent (for example one whose `createConnection` opens an
 * ssh2 channel to the remote socket). Every request goes through it, so keep-alive applies per
 * agent. With a custom agent, `host`/`port` only name the daemon in the request line and Host
 * header, and `tls` is ignored (the agent owns its sockets). The client wraps the agent's
 * `createConnection` to count connections unless the hooks say the caller counts them, and
 * never destroys a caller's agent: `close()` calls `hooks.onClose` instead.
 */
export interface DockerModemOptions {
  /** Human description for messages, e.g. `unix:///run/docker.sock` or `tcp://10.0.0.1:2375`. */
  readonly endpoint: string
  readonly socketPath?: string
  readonly host?: string
  readonly port?: number
  readonly tls?: {
    readonly ca?: string | Buffer
    readonly cert?: string | Buffer
    readonly key?: string | Buffer
    /** Verify the daemon's certificate against `ca` (upstream `tls_verify`). */
    readonly verify: boolean
  }
  readonly agent?: HttpAgent
}

export interface DockerClientHooks {
  /** Called by `close()` after the client's own agent is destroyed (e.g. to end an SSH session). */
  onClose?(): void | Promise<void>
  /** False when the caller counts `stats.connections` itself (e.g. SSH sessions, not channels). */
  readonly countConnections?: boolean
  /** Debug messages (API version negotiation, …). */
  debug?(message: string): void
  /** The error for a request that got no answer within `seconds` (default: the ship is unreachable). */
  timeoutError?(seconds: number): Error
  /**
   * The transport's own account of a request that ended without an answer (its link died), so the words do not
   * depend on which of the transport's timers and the request's fired first; undefined keeps the default.
   */
  transportError?(): Error | undefined
}

/** The slice of docker-modem 5 we use (typed here: @types/docker-modem lags behind). */
interface Modem {
  dial(options: Record<string, unknown>, callback: (err: Error | null, result: unknown) => void): void
}

export interface DialRequest {
  readonly method: 'GET' | 'POST' | 'DELETE'
  /** Path without the version prefix, e.g. `/containers/json`. */
  readonly path: string
  readonly query?: Readonly<Record<string, unknown>>
  readonly body?: unknown
  readonly headers?: Readonly<Record<string, string>>
  readonly authconfig?: unknown
  /** Non-2xx statuses that are answers, not errors (e.g. 304, 404); the body is then the daemon's JSON. */
  readonly accept?: readonly number[]
  /**
   * Seconds to wait for the answer (for streams: for the response headers). Undefined: no limit
   * beyond the connect timeout (pulls, where the daemon talks to a registry before answering).
   */
  readonly timeout: number | undefined
  /** Prefix the path with the negotiated API version (everything but `/version` and `/_ping`). */
  readonly versioned?: boolean
  /**
   * A stream that stays open for as long as the user wants (logs -f, events): it gets its own connection, outside
   * the ship's bounded pool, so it never holds a pooled socket that plays need.
   */
  readonly longLived?: boolean
}

export interface DialResult<T> {
  readonly status: number
  readonly body: T
}

const OK: Record<number, boolean> = {200: true, 201: true, 204: true}

/**
 * Pooled keep-alive connections per ship (our own agents): requests beyond it queue in the agent. Enough for a
 * ship's share of a large play, far below what makes a daemon slow down.
 */
export const MAX_SOCKETS_PER_SHIP = 16

/** One daemon: the modem, its keep-alive agent, request counting, timeouts and error mapping. */
export class DockerConnection {
  private modem: Promise<Modem> | undefined
  private longModem: Promise<Modem> | undefined
  private readonly ownAgent: HttpAgent | undefined
  /** Long-lived streams (our own agents only; a caller's agent carries everything). */
  private readonly longAgent: HttpAgent | undefined
  readonly agent: HttpAgent
  /** Our own pool's sockets, taken before a request's timeout starts (undefined: a caller's agent). */
  private readonly slots: Slots | undefined

  constructor(
    readonly ship: string,
    readonly options: DockerModemOptions,
    readonly stats: DockerClientStats,
    private readonly hooks: DockerClientHooks,
    private readonly version: () => Promise<string | undefined>,
    /** Seconds a new socket may take to connect (and finish TLS); our own agents only. */
    connectTimeout: number,
  ) {
    const tls = options.socketPath === undefined ? options.tls : undefined
    const own = (pooled: boolean): HttpAgent => {
      const pool = pooled ? {keepAlive: true, maxSockets: MAX_SOCKETS_PER_SHIP} : {keepAlive: false}
      return tls ? new HttpsAgent({...pool, ca: tls.ca, cert: tls.cert, key: tls.key, rejectUnauthorized: tls.verify}) : new HttpAgent(pool)
    }
    this.ownAgent = options.agent ? undefined : own(true)
    this.longAgent = options.agent ? undefined : own(false)
    this.agent = options.agent ?? this.ownAgent!
    this.slots = this.ownAgent ? new Slots(MAX_SOCKETS_PER_SHIP) : undefined
    cheapInspect(this.agent, `Agent(${ship})`)
    this.instrument(this.agent, hooks.countConnections !== false, this.ownAgent ? connectTimeout : undefined)
    if (this.longAgent) {
      cheapInspect(this.longAgent, `Agent(${ship}, long-lived)`)
      this.instrument(this.longAgent, hooks.countConnections !== false, connectTimeout)
    }
  }

  get endpoint(): string {
    return this.options.endpoint
  }

  private instrument(agent: HttpAgent, count: boolean, connectTimeout: number | undefined): void {
    if (!count && connectTimeout === undefined) return
    const create = agent.createConnection.bind(agent)
    agent.createConnection = (...args: Parameters<HttpAgent['createConnection']>) => {
      if (count) this.stats.connections++
      const socket = create(...args)
      if (connectTimeout !== undefined && socket instanceof Socket) armConnectTimeout(socket, connectTimeout)
      return socket
    }
  }

  private load(longLived: boolean): Promise<Modem> {
    if (longLived && this.longAgent) return (this.longModem ??= this.newModem(this.longAgent))
    return (this.modem ??= this.newModem(this.agent))
  }

  private newModem(agent: HttpAgent): Promise<Modem> {
    return importModem().then(({default: Modem}) => {
      const o = this.options
      const https = o.socketPath === undefined && o.tls !== undefined && o.agent === undefined
      // Every key explicit: docker-modem otherwise fills gaps from DOCKER_HOST/DOCKER_CERT_PATH.
      return new (Modem as unknown as new (opts: object) => Modem)({
        socketPath: o.socketPath,
        host: o.socketPath === undefined ? o.host : undefined,
        port: o.socketPath === undefined ? o.port : undefined,
        protocol: https ? 'https' : 'http',
        pathPrefix: '/',
        ca: undefined,
        cert: undefined,
        key: undefined,
        timeout: undefined,
        connectionTimeout: undefined,
        version: undefined,
        agent,
      })
    })
  }

  request<T>(request: DialRequest): Promise<DialResult<T>> {
    return this.dial<T>(request, false)
  }

  stream(request: DialRequest): Promise<DialResult<IncomingMessage & Duplex>> {
    return this.dial<IncomingMessage & Duplex>(request, true)
  }

  /**
   * A request upgraded to a raw connection (`Upgrade: tcp`, as `docker exec` and `attach` do): resolves to the
   * socket once the daemon switched protocols; `request.timeout` bounds the wait for that answer. Always a
   * long-lived connection of its own.
   */
  hijack(request: Omit<DialRequest, 'longLived'>): Promise<Duplex> {
    return this.dial<Duplex>({...request, longLived: true}, true, true).then((r) => r.body)
  }

  private async dial<T>(request: DialRequest, isStream: boolean, hijack = false): Promise<DialResult<T>> {
    const context = {ship: this.ship, endpoint: this.endpoint}
    const [modem, version] = await Promise.all([this.load(request.longLived === true), request.versioned === false ? undefined : this.version()])
    const path = `${version ? `/v${version}` : ''}${request.path}${request.query ? '?' : ''}`
    const release = request.longLived ? undefined : await this.slots?.acquire()
    const controller = new AbortController()
    cheapInspect(controller.signal, 'AbortSignal')
    let timedOut = false
    const timer =
      request.timeout === undefined
        ? undefined
        : setTimeout(() => {
            timedOut = true
            controller.abort()
          }, request.timeout * 1000)
    this.stats.requests++
    return new Promise<DialResult<T>>((resolve, reject) => {
      modem.dial(
        {
          path,
          method: request.method,
          options: {_query: request.query ?? {}, _body: request.body ?? {}},
          ...(request.body !== undefined ? {allowEmpty: true} : {}),
          ...(request.headers ? {headers: {...request.headers}} : {}),
          ...(request.authconfig ? {authconfig: request.authconfig} : {}),
          isStream,
          ...(hijack ? {hijack: true} : {}),
          statusCodes: OK,
          abortSignal: controller.signal,
        },
        (err, result) => {
          clearTimeout(timer)
          if (err || !isStream) release?.()
          else (result as Duplex).once('close', () => release?.())
          const status = (err as ModemError | null)?.statusCode
          if (err && status !== undefined && request.accept?.includes(status)) {
            resolve({status, body: (err as ModemError).json as T})
          } else if (err) {
            const custom = timedOut && request.timeout !== undefined ? this.hooks.timeoutError?.(request.timeout) : status === undefined ? this.hooks.transportError?.() : undefined
            reject(custom ?? toMaestroError(err, timedOut ? {...context, timedOutAfter: request.timeout} : context))
          } else {
            resolve({status: hijack ? 101 : isStream ? ((result as IncomingMessage).statusCode ?? 200) : 200, body: result as T})
          }
        },
      )
    })
  }

  async close(): Promise<void> {
    this.ownAgent?.destroy()
    this.longAgent?.destroy()
    await this.hooks.onClose?.()
  }
}

/** Destroys a socket that has not connected (TLS: finished its handshake) within `seconds`. */
function armConnectTimeout(socket: Socket, seconds: number): void {
  const timer = setTimeout(() => {
    socket.destroy(Object.assign(new Error(`connect timed out after ${seconds} s`), {code: 'ETIMEDOUT'}))
  }, seconds * 1000)
  const tls = (socket as Socket & {encrypted?: boolean}).encrypted === true
  socket.once(tls ? 'secureConnect' : 'connect', () => clearTimeout(timer))
  socket.once('close', () => clearTimeout(timer))
}

/**
 * docker-modem's buildRequest runs `util.inspect(options, {showHidden: true, depth: null})` on every request, debug
 * or not; the options hold the agent (every socket, parser and queued request of the ship) and the abort signal, so
 * each request would cost more as the fleet grows. Their own inspect is a constant-size label instead.
 */
function cheapInspect(target: object, label: string): void {
  Object.defineProperty(target, inspect.custom, {value: () => `[${label}]`, configurable: true})
}
