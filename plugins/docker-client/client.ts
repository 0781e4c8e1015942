import {PassThrough, pipeline, type Readable} from 'node:stream'
import {inertText, MaestroError} from '../../src/api/index.js'
import type {
  ContainerInspect, ContainerSummary, CreateContainerBody, CreateNetworkBody, NetworkInspect, DockerClient, DockerClientStats, ExecAttachOptions,
  ExecResult, ExecSession, ImageInspect, VolumeSummary,
  LogOptions, PullProgress, RegistryAuth, Ship,
} from '../../src/api/index.js'
import {isApiVersion, negotiateApiVersion} from './api-version.js'
import {DockerConnection, type DialRequest, type DockerClientHooks, type DockerModemOptions} from './connection.js'
import {DemuxStream, JsonLinesStream} from './streams.js'
import {execAttach} from './exec-attach.js'
import {PullProgressTracker, pullQuery, type PullMessage} from './pull-progress.js'

/** Seconds a stopping container gets beyond its stop timeout before we call the daemon silent. */
const STOP_MARGIN = 10

const id = (s: string): string => encodeURIComponent(s)

/** DockerClient over docker-modem for one ship. */
export class ModemDockerClient implements DockerClient {
  readonly stats: DockerClientStats = {requests: 0, connections: 0}
  private readonly conn: DockerConnection
  private negotiated: Promise<string> | undefined

  constructor(
    private readonly shipSpec: Ship,
    options: DockerModemOptions,
    private readonly hooks: DockerClientHooks = {},
  ) {
    if (shipSpec.apiVersion !== 'auto' && !isApiVersion(shipSpec.apiVersion)) {
      throw new MaestroError('MAESTRO_CONFIG_INVALID', `ship ${shipSpec.name}: api_version must be auto or like 1.41, not ${shipSpec.apiVersion}`, {loc: shipSpec.loc})
    }
    this.conn = new DockerConnection(shipSpec.name, options, this.stats, hooks, () => this.apiVersion(), shipSpec.timeout)
  }

  get ship(): string {
    return this.shipSpec.name
  }

  get endpoint(): string {
    return this.conn.endpoint
  }

  /** The API version requests use: the ship's, or with `auto` the one negotiated on first use. */
  apiVersion(): Promise<string> {
    if (this.shipSpec.apiVersion !== 'auto') return Promise.resolve(this.shipSpec.apiVersion.replace(/^v/, ''))
    this.negotiated ??= this.version().then((v) => {
      const chosen = negotiateApiVersion(v.ApiVersion)
      this.hooks.debug?.(`${this.ship}: daemon speaks API ${v.ApiVersion}, using ${chosen}`)
      return chosen
    })
    this.negotiated.catch(() => (this.negotiated = undefined))
    return this.negotiated
  }

  private get timeout(): number {
    return this.shipSpec.timeout
  }

  private async call<T>(request: Omit<DialRequest, 'timeout'> & {timeout?: number}): Promise<T> {
    const {body} = await this.conn.request<T>({timeout: this.timeout, ...request})
    return body
  }

  /** Like call, but a 404 answer is `undefined`. */
  private async find<T>(request: Omit<DialRequest, 'timeout'>): Promise<T | undefined> {
    const {status, body} = await this.conn.request<T>({timeout: this.timeout, accept: [404], ...request})
    return status === 404 ? undefined : body
  }

  async ping(): Promise<void> {
    await this.call({method: 'GET', path: '/_ping', versioned: false})
  }

  version(): Promise<{readonly ApiVersion: string; readonly Version: string}> {
    return this.call({method: 'GET', path: '/version', versioned: false})
  }

  listContainers(options: {all?: boolean; filters?: Record<string, string[]>} = {}): Promise<ContainerSummary[]> {
    const query: Record<string, unknown> = {all: options.all ? 1 : 0}
    if (options.filters) query.filters = JSON.stringify(options.filters)
    return this.call({method: 'GET', path: '/containers/json', query})
  }

  inspectContainer(nameOrId: string): Promise<ContainerInspect | undefined> {
    return this.find({method: 'GET', path: `/containers/${id(nameOrId)}/json`})
  }

  createContainer(name: string, body: CreateContainerBody, options: {platform?: string} = {}): Promise<{readonly Id: string}> {
    return this.call({method: 'POST', path: '/containers/create', query: {name, ...(options.platform ? {platform: options.platform} : {})}, body})
  }

  inspectNetwork(name: string): Promise<NetworkInspect | undefined> {
    return this.find({method: 'GET', path: `/networks/${id(name)}`})
  }

  createNetwork(body: CreateNetworkBody): Promise<{readonly Id: string}> {
    return this.call({method: 'POST', path: '/networks/create', body})
  }

  async connectNetwork(network: string, container: string, aliases: readonly string[]): Promise<void> {
    await this.call({method: 'POST', path: `/networks/${id(network)}/connect`, body: {Container: container, EndpointConfig: {Aliases: [...aliases]}}})
  }

  async startContainer(nameOrId: string): Promise<void> {
    await this.call({method: 'POST', path: `/containers/${id(nameOrId)}/start`, accept: [304]})
  }

  async stopContainer(nameOrId: string, timeoutSeconds: number): Promise<void> {
    await this.call({
      method: 'POST', path: `/containers/${id(nameOrId)}/stop`, query: {t: timeoutSeconds}, accept: [304],
      timeout: timeoutSeconds + Math.max(this.timeout, STOP_MARGIN),
    })
  }

  async killContainer(nameOrId: string, signal?: string): Promise<void> {
    await this.call({method: 'POST', path: `/containers/${id(nameOrId)}/kill`, ...(signal ? {query: {signal}} : {})})
  }

  /** Removing a container that does not exist is not an error. */
  async removeContainer(nameOrId: string, options: {volumes?: boolean; force?: boolean} = {}): Promise<void> {
    await this.call({
      method: 'DELETE', path: `/containers/${id(nameOrId)}`, accept: [404],
      query: {v: options.volumes ? 1 : 0, force: options.force ? 1 : 0},
    })
  }

  async renameContainer(nameOrId: string, name: string): Promise<void> {
    await this.call({method: 'POST', path: `/containers/${id(nameOrId)}/rename`, query: {name}})
  }

  async listVolumes(filters?: Record<string, string[]>): Promise<VolumeSummary[]> {
    const body = await this.call<{Volumes?: VolumeSummary[] | null}>({method: 'GET', path: '/volumes', query: filters ? {filters: JSON.stringify(filters)} : {}})
    return body.Volumes ?? []
  }

  async createVolume(name: string, labels: Readonly<Record<string, string>>): Promise<void> {
    await this.call({method: 'POST', path: '/volumes/create', body: {Name: name, Labels: {...labels}}})
  }

  /** Removing a volume that does not exist is not an error. */
  async removeVolume(name: string): Promise<void> {
    await this.call({method: 'DELETE', path: `/volumes/${id(name)}`, accept: [404]})
  }

  listImages(): Promise<ReadonlyArray<{readonly Id: string}>> {
    return this.call({method: 'GET', path: '/images/json'})
  }

  inspectImage(ref: string): Promise<ImageInspect | undefined> {
    return this.find({method: 'GET', path: `/images/${encodeURI(ref)}/json`})
  }

  async pullImage(ref: string, auth: RegistryAuth | undefined, onProgress?: (p: PullProgress) => void): Promise<void> {
    const {body: res} = await this.conn
      .stream({method: 'POST', path: '/images/create', query: pullQuery(ref), timeout: undefined, ...(auth ? {authconfig: auth} : {})})
      .catch((e: unknown) => {
        if (e instanceof MaestroError && e.code === 'MAESTRO_DOCKER') {
          throw new MaestroError('MAESTRO_DOCKER', e.message.replace(`${this.ship}: `, `${this.ship}: pull of ${ref} failed: `), {cause: e})
        }
        throw e
      })
    const tracker = new PullProgressTracker()
    let failure: string | undefined
    await new Promise<void>((resolve, reject) => {
      const messages = new JsonLinesStream()
      messages.on('data', (m: PullMessage) => {
        if (m.error) failure ??= inertText(m.errorDetail?.message ?? m.error)
        else onProgress?.(tracker.update(m))
      })
      pipeline(res, messages, (err) => (err ? reject(err) : resolve()))
    }).catch((e: unknown) => {
      throw new MaestroError('MAESTRO_DOCKER', `${this.ship}: pull of ${ref} interrupted: ${(e as Error).message}`, {cause: e})
    })
    if (failure !== undefined) throw new MaestroError('MAESTRO_DOCKER', `${this.ship}: pull of ${ref} failed: ${failure}`)
  }

  async exec(nameOrId: string, cmd: readonly string[]): Promise<ExecResult> {
    const {Id} = await this.call<{Id: string}>({
      method: 'POST', path: `/containers/${id(nameOrId)}/exec`,
      body: {AttachStdout: true, AttachStderr: true, Tty: false, Cmd: [...cmd]},
    })
    const {body: res} = await this.conn.stream({method: 'POST', path: `/exec/${id(Id)}/start`, body: {Detach: false, Tty: false}, timeout: this.timeout})
    const output = await collectTail(res.pipe(new DemuxStream()), EXEC_OUTPUT_MAX)
    const info = await this.call<{ExitCode: number | null}>({method: 'GET', path: `/exec/${id(Id)}/json`})
    return {exitCode: info.ExitCode ?? -1, output}
  }

  execAttach(nameOrId: string, cmd: readonly string[], options: ExecAttachOptions): Promise<ExecSession> {
    const channel = {ship: this.ship, conn: this.conn, timeout: this.timeout, call: <T>(r: Omit<DialRequest, 'timeout'>) => this.call<T>(r)}
    return execAttach(channel, nameOrId, cmd, options)
  }

  async logs(nameOrId: string, options: LogOptions = {}): Promise<Readable> {
    const info = await this.inspectContainer(nameOrId)
    if (!info) throw new MaestroError('MAESTRO_DOCKER', `${this.ship}: No such container: ${nameOrId}`)
    const query: Record<string, unknown> = {stdout: 1, stderr: 1, follow: options.follow ? 1 : 0, timestamps: options.timestamps ? 1 : 0}
    if (options.tail !== undefined) query.tail = String(options.tail)
    if (options.since !== undefined) query.since = options.since
    const {body: res} = await this.conn.stream({method: 'GET', path: `/containers/${id(info.Id)}/logs`, query, timeout: this.timeout, longLived: options.follow === true})
    const tty = (info.Config as {Tty?: boolean}).Tty === true
    const out = tty ? new PassThrough() : new DemuxStream()
    out.setEncoding('utf8')
    pipeline(res, out, () => undefined)
    return out
  }

  async events(filters?: Record<string, string[]>, window: {readonly since?: number; readonly until?: number} = {}): Promise<Readable> {
    const query: Record<string, unknown> = {}
    if (filters) query.filters = JSON.stringify(filters)
    if (window.since !== undefined) query.since = String(window.since)
    if (window.until !== undefined) query.until = String(window.until)
    const {body: res} = await this.conn.stream({
      method: 'GET', path: '/events', ...(Object.keys(query).length > 0 ? {query} : {}), timeout: this.timeout, longLived: true,
    })
    const out = new JsonLinesStream()
    pipeline(res, out, () => undefined)
    return out
  }

  close(): Promise<void> {
    return this.conn.close()
  }
}

/** What an exec keeps of its output: the end, where the reason for a failure usually is. */
const EXEC_OUTPUT_MAX = 64 * 1024

/** The last `max` bytes of a stream, read to its end without holding more than that. */
async function collectTail(stream: Readable, max: number): Promise<string> {
  let chunks: Buffer[] = []
  let size = 0
  for await (const chunk of stream) {
    const b = Buffer.from(chunk as Buffer)
    chunks.push(b)
    size += b.length
    if (size > 2 * max) {
      const all = Buffer.concat(chunks)
      chunks = [all.subarray(all.length - max)]
      size = max
    }
  }
  const all = Buffer.concat(chunks)
  return all.subarray(Math.max(0, all.length - max)).toString('utf8')
}
