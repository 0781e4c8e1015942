/**
 * A recording fake of the DockerClient: holds container and image state in memory, records every call, and
 * can be told to be down, to fail a call, or to have a container exit right after start. Registered through
 * `fakeTransportPlugin` under Tokens.Transport, so plays reach it through the real plugin path.
 */
import {Readable} from 'node:stream'
import {definePlugin, Tokens, type ContainerInspect, type ContainerSummary, type CreateContainerBody, type CreateNetworkBody, type DockerClient, type DockerClientStats, type ExecResult, type ImageInspect, type MaestroPlugin, type NetworkInspect, type PullProgress, type RegistryAuth, type Ship, type VolumeSummary} from '../../src/api/index.js'

export interface FakeContainer {
  id: string
  name: string
  body: CreateContainerBody
  imageId: string
  running: boolean
  status: string
  exitCode: number
  /** Logical clock value of the last start (orders starts across ships). */
  startedSeq?: number
  health?: string
}

let clock = 0
let ids = 0

export class FakeDocker implements DockerClient {
  readonly endpoint: string
  readonly stats: DockerClientStats = {requests: 0, connections: 0}
  readonly calls: string[] = []
  readonly containers = new Map<string, FakeContainer>()
  readonly images = new Map<string, ImageInspect>()
  readonly networks = new Map<string, NetworkInspect>()
  down = false
  closed = false
  /** Artificial latency per call (ms). */
  latencyMs = 0
  /** Return an error to make that call fail, e.g. `(call, arg) => call === 'start' && arg === 'web-1' ? new Error('boom') : undefined`. */
  failWith?: (call: string, arg: string) => Error | undefined
  /** Containers that exit right after they start (their process dies). */
  readonly exitOnStart = new Set<string>()

  constructor(readonly ship: string) {
    this.endpoint = `fake://${ship}`
  }

  /** The fake's log of calls, without arguments, e.g. ['listContainers', 'inspectImage', 'createContainer']. */
  callNames(): string[] {
    return this.calls.map((c) => c.split(' ')[0])
  }

  addImage(ref: string, id = `sha256:${ref}`, healthcheck = false): void {
    this.images.set(ref, {Id: id, RepoTags: [ref], Config: healthcheck ? {Healthcheck: {Test: ['CMD', 'true']}} : {}})
  }

  /** Puts a container in place as if created earlier (labels from `body`). */
  seed(name: string, body: CreateContainerBody, running: boolean, imageId = `sha256:${body.Image}`): FakeContainer {
    const c: FakeContainer = {id: `id${++ids}-${name}`, name, body, imageId, running, status: running ? 'running' : 'exited', exitCode: 0, startedSeq: running ? ++clock : undefined}
    this.containers.set(name, c)
    return c
  }

  private async call(name: string, arg = ''): Promise<void> {
    this.calls.push(arg ? `${name} ${arg}` : name)
    this.stats.requests++
    if (this.latencyMs > 0) await new Promise((r) => setTimeout(r, this.latencyMs))
    if (this.down) throw Object.assign(new Error(`connect ECONNREFUSED ${this.endpoint}`), {code: 'ECONNREFUSED'})
    const e = this.failWith?.(name, arg)
    if (e) throw e
  }

  private find(nameOrId: string): FakeContainer | undefined {
    return this.containers.get(nameOrId) ?? [...this.containers.values()].find((c) => c.id === nameOrId)
  }

  private must(nameOrId: string): FakeContainer {
    const c = this.find(nameOrId)
    if (!c) throw Object.assign(new Error(`No such container: ${nameOrId}`), {statusCode: 404})
    return c
  }

  async ping(): Promise<void> {
    await this.call('ping')
  }

  async version() {
    await this.call('version')
    return {ApiVersion: '1.41', Version: 'fake'}
  }

  async listContainers(): Promise<ContainerSummary[]> {
    await this.call('listContainers')
    return [...this.containers.values()].map((c) => ({
      Id: c.id, Names: [`/${c.name}`], Image: c.body.Image, ImageID: c.imageId, State: c.status,
      Status: c.running ? 'Up 3 minutes' : 'Exited (0) 2 hours ago', Created: 0, Labels: {...c.body.Labels},
    }))
  }

  async inspectContainer(nameOrId: string): Promise<ContainerInspect | undefined> {
    await this.call('inspectContainer', nameOrId)
    const c = this.find(nameOrId)
    if (!c) return undefined
    return {
      Id: c.id, Name: `/${c.name}`, Image: c.imageId, Created: '',
      State: {Status: c.status, Running: c.running, ExitCode: c.exitCode, StartedAt: String(c.startedSeq ?? 0), FinishedAt: '', Health: c.health ? {Status: c.health} : undefined},
      Config: {...c.body, Labels: c.body.Labels}, HostConfig: c.body.HostConfig ?? {},
    }
  }

  async createContainer(name: string, body: CreateContainerBody): Promise<{Id: string}> {
    await this.call('createContainer', name)
    if (this.containers.has(name)) throw Object.assign(new Error(`Conflict. The container name "/${name}" is already in use`), {statusCode: 409})
    const image = this.images.get(body.Image)
    if (!image) throw Object.assign(new Error(`No such image: ${body.Image}`), {statusCode: 404})
    const c: FakeContainer = {id: `id${++ids}-${name}`, name, body, imageId: image.Id, running: false, status: 'created', exitCode: 0}
    this.containers.set(name, c)
    return {Id: c.id}
  }

  async renameContainer(id: string, name: string): Promise<void> {
    const c = this.must(id)
    await this.call('renameContainer', `${c.name} ${name}`)
    if (this.containers.has(name)) throw Object.assign(new Error(`Conflict. The container name "/${name}" is already in use`), {statusCode: 409})
    this.containers.delete(c.name)
    c.name = name
    this.containers.set(name, c)
  }

  async inspectNetwork(name: string): Promise<NetworkInspect | undefined> {
    await this.call('inspectNetwork', name)
    return this.networks.get(name)
  }

  async createNetwork(body: CreateNetworkBody): Promise<{Id: string}> {
    await this.call('createNetwork', body.Name)
    if (this.networks.has(body.Name)) throw Object.assign(new Error(`network with name ${body.Name} already exists`), {statusCode: 409})
    const n: NetworkInspect = {Id: `net${++ids}-${body.Name}`, Name: body.Name, Driver: body.Driver ?? 'bridge', Labels: {...body.Labels}}
    this.networks.set(body.Name, n)
    return {Id: n.Id}
  }

  async connectNetwork(network: string, container: string, aliases: readonly string[]): Promise<void> {
    await this.call('connectNetwork', `${network} ${this.must(container).name}${aliases.length > 0 ? ` ${aliases.join(',')}` : ''}`)
    if (!this.networks.has(network)) throw Object.assign(new Error(`network ${network} not found`), {statusCode: 404})
  }

  async startContainer(id: string): Promise<void> {
    const c = this.must(id)
    await this.call('startContainer', c.name)
    c.startedSeq = ++clock
    if (this.exitOnStart.has(c.name)) {
      Object.assign(c, {running: false, status: 'exited', exitCode: 1})
      return
    }
    const test = (c.body.Healthcheck as {Test?: string[]} | undefined)?.Test ?? this.images.get(c.body.Image)?.Config?.Healthcheck?.Test
    Object.assign(c, {running: true, status: 'running', health: test && test[0] !== 'NONE' ? 'healthy' : undefined})
  }

  async stopContainer(id: string): Promise<void> {
    const c = this.must(id)
    await this.call('stopContainer', c.name)
    c.startedSeq = undefined
    Object.assign(c, {running: false, status: 'exited'})
  }

  async killContainer(id: string): Promise<void> {
    const c = this.must(id)
    await this.call('killContainer', c.name)
    Object.assign(c, {running: false, status: 'exited', exitCode: 137})
  }

  async removeContainer(id: string): Promise<void> {
    const c = this.must(id)
    await this.call('removeContainer', c.name)
    this.containers.delete(c.name)
  }

  async listImages(): Promise<ReadonlyArray<{readonly Id: string}>> {
    await this.call('listImages')
    return [...new Map([...this.images.values()].map((i) => [i.Id, {Id: i.Id}])).values()]
  }

  async inspectImage(ref: string): Promise<ImageInspect | undefined> {
    await this.call('inspectImage', ref)
    return this.images.get(ref)
  }

  readonly pulls: {ref: string; auth?: RegistryAuth}[] = []

  async pullImage(ref: string, auth: RegistryAuth | undefined, onProgress?: (p: PullProgress) => void): Promise<void> {
    await this.call('pullImage', ref)
    this.pulls.push({ref, auth})
    onProgress?.({status: 'Downloading', percent: 50})
    const old = this.images.get(ref)
    this.images.set(ref, {Id: `sha256:${ref}#${this.pulls.length}`, RepoTags: [ref], Config: old?.Config ?? {}})
  }

  async exec(id: string, cmd: readonly string[]): Promise<ExecResult> {
    await this.call('exec', `${id} ${cmd.join(' ')}`)
    return {exitCode: 0, output: ''}
  }

  async logs(): Promise<Readable> {
    await this.call('logs')
    return Readable.from([])
  }

  async events(): Promise<Readable> {
    await this.call('events')
    return Readable.from([])
  }

  /**
   * Volumes (the `--keep-failed` markers): kept out of `calls` so the call logs of the other tests stay as they are;
   * `volumeCalls` has them. A down fake refuses them too.
   */
  readonly volumes = new Map<string, Record<string, string>>()
  readonly volumeCalls: string[] = []

  private volumeCall(name: string, arg = ''): void {
    this.volumeCalls.push(arg ? `${name} ${arg}` : name)
    if (this.down) throw Object.assign(new Error(`connect ECONNREFUSED ${this.endpoint}`), {code: 'ECONNREFUSED'})
  }

  async listVolumes(filters?: Record<string, string[]>): Promise<VolumeSummary[]> {
    this.volumeCall('listVolumes')
    const wanted = filters?.label ?? []
    return [...this.volumes].filter(([, labels]) => wanted.every((k) => k in labels)).map(([Name, Labels]) => ({Name, Labels}))
  }

  async createVolume(name: string, labels: Readonly<Record<string, string>>): Promise<void> {
    this.volumeCall('createVolume', name)
    if (!this.volumes.has(name)) this.volumes.set(name, {...labels})
  }

  async removeVolume(name: string): Promise<void> {
    this.volumeCall('removeVolume', name)
    this.volumes.delete(name)
  }

  async close(): Promise<void> {
    this.closed = true
  }
}

/** One FakeDocker per ship, reachable through a test plugin under Tokens.Transport. */
export class FakeFleet {
  readonly ships = new Map<string, FakeDocker>()
  readonly connects: string[] = []

  constructor(names: readonly string[]) {
    for (const n of names) this.ships.set(n, new FakeDocker(n))
  }

  get(ship: string): FakeDocker {
    return this.ships.get(ship)!
  }

  /** Every call on every ship, prefixed by the ship name. */
  allCalls(): string[] {
    return [...this.ships].flatMap(([s, d]) => d.calls.map((c) => `${s}: ${c}`))
  }

  plugin(): MaestroPlugin {
    return definePlugin({
      name: 'test-fake-transport',
      api: '^1.0.0',
      register: (ctx) => {
        ctx.registry.register(Tokens.Transport, {
          useValue: {
            name: 'fake',
            canHandle: (ship: Ship) => this.ships.has(ship.name),
            connect: (ship: Ship) => {
              this.connects.push(ship.name)
              return this.get(ship.name)
            },
          },
        })
      },
    })
  }
}
