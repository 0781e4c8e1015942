/**
 * A fake Docker daemon for the simulated fleet (issue 15): one process, one HTTP port per ship, containers kept in
 * memory, every request answered after fixed latencies (a round trip plus the operation's own time). It speaks the
 * slice of the Engine API Maestro uses, so Maestro's real docker-client and TCP transport talk to it unchanged.
 * Counts requests and TCP connections per ship (peak concurrent connections too).
 *
 * Forked by fleet.ts; controlled over IPC: `{op: 'counts'}` answers and resets the counters.
 */
import {createHash} from 'node:crypto'
import {createServer, type IncomingMessage, type Server, type ServerResponse} from 'node:http'
import {fileURLToPath} from 'node:url'

export interface Latencies {
  /** Every request (the round trip). */
  readonly request: number
  readonly create: number
  readonly start: number
  readonly stop: number
  readonly remove: number
}

/** Issue 15's figures, in ms. */
export const LATENCIES: Latencies = {request: 50, create: 60, start: 120, stop: 100, remove: 30}

export interface ShipCounts {
  requests: number
  connections: number
  peakOpen: number
  /** Requests per operation, e.g. `POST /containers/{id}/start`. */
  ops: Record<string, number>
}

/** The operation of a request: its method and path without the API version, ids and names replaced by `{id}`. */
export function operationOf(method: string, path: string): string {
  const p = path.replace(/^\/v\d+\.\d+/, '')
  if (p === '/containers/create' || p === '/networks/create' || p === '/containers/json') return `${method} ${p}`
  return `${method} ${p.replace(/^\/(containers|images|networks|exec)\/.+?(\/[a-z]+)?$/, (_, kind: string, tail?: string) => `/${kind}/{id}${tail ?? ''}`)}`
}

interface Container {
  readonly id: string
  readonly name: string
  readonly body: {Image?: string; Labels?: Record<string, string>; Env?: string[]; HostConfig?: object}
  running: boolean
  started: boolean
  created: number
}

type Reply = readonly [status: number, body?: unknown]

/** One ship's daemon state and its request handler (no timing: the server adds the latencies). */
export class ShipState {
  readonly containers = new Map<string, Container>()
  private ids = 0

  constructor(readonly name: string) {}

  private find(ref: string): Container | undefined {
    return this.containers.get(ref) ?? [...this.containers.values()].find((c) => c.id === ref)
  }

  handle(method: string, path: string, query: URLSearchParams, body: unknown): Reply {
    const p = path.replace(/^\/v\d+\.\d+/, '')
    if (p === '/_ping') return [200, 'OK']
    if (p === '/version') return [200, {ApiVersion: '1.41', Version: '20.10.0-fake', MinAPIVersion: '1.12'}]
    if (p === '/containers/json') return [200, this.list(query)]
    if (p === '/containers/create' && method === 'POST') return this.create(query.get('name') ?? '', body as Container['body'])
    const image = /^\/images\/(.+)\/json$/.exec(p)
    if (image) return [200, {Id: `sha256:${decodeURIComponent(image[1])}`, RepoTags: [decodeURIComponent(image[1])], Config: {}}]
    if (p.startsWith('/networks/')) return method === 'GET' ? [200, {Id: 'net', Name: p.slice(10), Driver: 'bridge', Labels: {}}] : [200, {Id: 'net'}]
    const m = /^\/containers\/([^/]+)(\/(json|start|stop))?$/.exec(p)
    const c = m ? this.find(decodeURIComponent(m[1])) : undefined
    if (!m) return [404, {message: `page not found: ${method} ${p}`}]
    if (!c) return [404, {message: `No such container: ${m[1]}`}]
    if (m[3] === 'json') return [200, this.inspect(c)]
    if (m[3] === 'start') return c.running ? [304] : ((c.running = c.started = true), [204])
    if (m[3] === 'stop') return !c.running ? [304] : ((c.running = false), [204])
    if (method === 'DELETE' && c.running && query.get('force') !== '1') return [409, {message: `You cannot remove a running container ${c.id}`}]
    if (method === 'DELETE') return this.containers.delete(c.name), [204]
    return [404, {message: `page not found: ${method} ${p}`}]
  }

  private create(name: string, body: Container['body']): Reply {
    if (this.containers.has(name)) return [409, {message: `Conflict. The container name "/${name}" is already in use`}]
    const c: Container = {id: createHash('sha256').update(`${this.name}/${++this.ids}`).digest('hex'), name, body, running: false, started: false, created: Math.floor(Date.now() / 1000)}
    this.containers.set(name, c)
    return [201, {Id: c.id, Warnings: []}]
  }

  /** `all` and `label` filters (`key` or `key=value`) as the Engine applies them. */
  private list(query: URLSearchParams): object[] {
    const labels: string[] = (JSON.parse(query.get('filters') ?? '{}') as {label?: string[]}).label ?? []
    const all = query.get('all') === '1' || query.get('all') === 'true'
    const match = (c: Container) => labels.every((f) => {
      const [k, v] = f.split(/=(.*)/s)
      const have = c.body.Labels?.[k]
      return have !== undefined && (v === undefined || have === v)
    })
    return [...this.containers.values()].filter((c) => (all || c.running) && match(c)).map((c) => this.summary(c))
  }

  private summary(c: Container): object {
    const state = c.running ? 'running' : c.started ? 'exited' : 'created'
    return {Id: c.id, Names: [`/${c.name}`], Image: c.body.Image, ImageID: `sha256:${c.body.Image}`, Created: c.created, State: state, Status: c.running ? 'Up 3 seconds' : 'Exited (0) 1 second ago', Labels: c.body.Labels ?? {}}
  }

  private inspect(c: Container): object {
    const status = c.running ? 'running' : c.started ? 'exited' : 'created'
    return {
      Id: c.id, Name: `/${c.name}`, Image: `sha256:${c.body.Image}`, Created: new Date(c.created * 1000).toISOString(),
      State: {Status: status, Running: c.running, ExitCode: 0, StartedAt: new Date().toISOString(), FinishedAt: ''},
      Config: c.body, HostConfig: c.body.HostConfig ?? {},
    }
  }
}

/** The operation time on top of the round trip. */
export function operationMs(method: string, path: string, l: Latencies): number {
  if (method === 'POST' && path.endsWith('/containers/create')) return l.create
  if (method === 'POST' && path.endsWith('/start')) return l.start
  if (method === 'POST' && path.endsWith('/stop')) return l.stop
  if (method === 'DELETE') return l.remove
  return 0
}

const readBody = (req: IncomingMessage): Promise<unknown> =>
  new Promise((resolve) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8')
      try {
        resolve(text ? JSON.parse(text) : undefined)
      } catch {
        resolve(undefined)
      }
    })
  })

export interface FakeDaemon {
  readonly ports: readonly number[]
  counts(): ShipCounts[]
  close(): Promise<void>
}

/** `ships` daemons on 127.0.0.1, ephemeral ports. */
export async function startFakeDaemons(ships: number, latencies: Latencies = LATENCIES): Promise<FakeDaemon> {
  const servers: Server[] = []
  const counts: ShipCounts[] = []
  const open: number[] = []
  for (let i = 0; i < ships; i++) {
    const state = new ShipState(`ship${i + 1}`)
    const count: ShipCounts = {requests: 0, connections: 0, peakOpen: 0, ops: {}}
    open.push(0)
    counts.push(count)
    const server = createServer((req: IncomingMessage, res: ServerResponse) => {
      count.requests++
      void readBody(req).then((body) => {
        const url = new URL(req.url ?? '/', 'http://fake')
        const op = operationOf(req.method ?? 'GET', url.pathname)
        count.ops[op] = (count.ops[op] ?? 0) + 1
        const [status, answer] = state.handle(req.method ?? 'GET', url.pathname, url.searchParams, body)
        setTimeout(() => {
          const text = answer === undefined ? '' : typeof answer === 'string' ? answer : JSON.stringify(answer)
          res.writeHead(status, {'Content-Type': typeof answer === 'string' ? 'text/plain' : 'application/json', 'Content-Length': Buffer.byteLength(text)})
          res.end(text)
        }, latencies.request + operationMs(req.method ?? 'GET', url.pathname, latencies))
      })
    })
    server.keepAliveTimeout = 60_000
    server.on('connection', (socket) => {
      count.connections++
      count.peakOpen = Math.max(count.peakOpen, ++open[i])
      socket.on('close', () => open[i]--)
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    servers.push(server)
  }
  return {
    ports: servers.map((s) => (s.address() as {port: number}).port),
    counts: () => {
      const out = counts.map((c) => ({...c, ops: {...c.ops}}))
      counts.forEach((c, i) => Object.assign(c, {requests: 0, connections: 0, peakOpen: open[i], ops: {}}))
      return out
    },
    close: () => Promise.all(servers.map((s) => new Promise<void>((resolve) => {
      s.closeAllConnections()
      s.close(() => resolve())
    }))).then(() => undefined),
  }
}

/**
 * Child-process mode: `node fake-daemon.js <ships> [latencies as JSON]`. Forked (with IPC): sends `{ports}` once listening, answers
 * `{op: 'counts'}` and `{op: 'close'}`. Run by hand: prints the ports and serves until interrupted.
 */
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const latencies = process.argv[3] ? (JSON.parse(process.argv[3]) as Latencies) : LATENCIES
  const daemon = await startFakeDaemons(Number(process.argv[2] ?? 3), latencies)
  if (process.send) {
    process.on('message', (m: {op: string}) => {
      if (m.op === 'counts') process.send!({counts: daemon.counts()})
      if (m.op === 'close') void daemon.close().then(() => process.exit(0))
    })
    process.on('disconnect', () => process.exit(0))
    process.send({ports: daemon.ports})
  } else {
    console.log(daemon.ports.join(' '))
  }
}
