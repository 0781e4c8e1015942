/**
 * `status --json`: the play's result as one document for scripts (schema/status.schema.json). Names, states and
 * facts Docker's list call gives; never a value of the configuration (drift lists field names only).
 */
import type {Environment} from '../model/types.js'
import type {OrphanOutcome} from '../plan/decide-orphan.js'
import type {PublishedPort} from '../plan/listed-facts.js'
import type {ContainerResult, PlayResult} from '../play/types.js'
import {statusAge} from '../play/wait.js'

export const STATUS_SCHEMA = 'maestro.status/v1'

/** `unknown`: its ship could not be listed, or the play did not get to it. */
export type StatusState = 'running' | 'down' | 'absent' | 'unknown'

export interface StatusPort {
  /** null when bound to every address. */
  readonly hostIp: string | null
  readonly hostPort: number
  readonly containerPort: number
  readonly protocol: string
}

export interface StatusProbe {
  readonly name: string
  readonly port: string
  readonly protocol: string
  readonly up: boolean
}

export interface StatusContainer {
  readonly name: string
  readonly service: string
  readonly ship: string
  readonly state: StatusState
  readonly id: string | null
  /** Docker's state word (running, exited, created, ...) and status text (`Up 3 minutes`). */
  readonly dockerState: string | null
  readonly dockerStatus: string | null
  readonly createdAt: string | null
  /** Since it started or stopped, as Docker's status text rounds it. */
  readonly ageSeconds: number | null
  readonly exitCode: number | null
  readonly ports: readonly StatusPort[]
  /** `-F`: each named port of the file, probed from here. */
  readonly probes?: readonly StatusProbe[]
  /** What Docker runs, and what the file asks for. */
  readonly image: string | null
  readonly imageId: string | null
  readonly fileImage: string
  /** Changed configuration fields (`env.WORKERS`, `image`), names only; `driftKnown` false without Maestro's labels or a listing. */
  readonly drift: readonly string[]
  readonly driftKnown: boolean
  /** Running, but failed its running checks and was left so by `--keep-failed`. */
  readonly notReady: boolean
  readonly notReadyReason?: string
  /** The id of the container an update replaced, kept stopped as the instance's way back (`maestro rollback`). */
  readonly previousId?: string
  /** Why the state is unknown when the play did not get to the container. */
  readonly error?: string
}

export interface StatusOrphan {
  readonly name: string
  readonly ship: string
  readonly state: 'running' | 'down'
  readonly dockerState: string
  readonly dockerStatus: string
  readonly ageSeconds: number | null
  /** `moved`: the old copy of an instance the file now places on `movedTo`; `unknown`: not in the file. */
  readonly kind: OrphanOutcome['kind']
  readonly movedTo: string | null
  readonly service: string | null
  readonly id: string
}

export interface StatusDocument {
  readonly schema: typeof STATUS_SCHEMA
  readonly environment: string
  readonly generatedAt: string
  readonly containers: readonly StatusContainer[]
  readonly orphans: readonly StatusOrphan[]
  /** Ships of the selected containers that could not be listed, with why. */
  readonly unreachable: readonly {readonly ship: string; readonly error: string}[]
  /** Other ships of the file that could not be listed: their orphans are not known. */
  readonly unlistedShips: readonly string[]
}

type StatusResult = Pick<PlayResult, 'outcomes' | 'orphans' | 'unseen'>

const STATE: Readonly<Partial<Record<string, StatusState>>> = {running: 'running', 'not ready': 'running', down: 'down', absent: 'absent'}

const text = (v: unknown): string | null => (typeof v === 'string' ? v : null)
const count = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null)
const ageOf = (status: string | null): number | null => (status === null ? null : (statusAge(status) ?? null))

function container(environment: Environment, name: string, r: ContainerResult): StatusContainer {
  const c = environment.containers[name]
  const d = r.data ?? {}
  const state: StatusState = r.status === 'ok' ? (STATE[r.outcome ?? ''] ?? 'unknown') : 'unknown'
  const dockerStatus = text(d.status)
  const created = count(d.created)
  const drift = Array.isArray(d.drift) ? d.drift.filter((f): f is string => typeof f === 'string') : []
  const probes = Array.isArray(d.ports) ? (d.ports as StatusProbe[]).map(({name: n, port, protocol, up}) => ({name: n, port, protocol, up})) : undefined
  const ports = Array.isArray(d.published) ? (d.published as PublishedPort[]).map((p) => ({hostIp: p.hostIp ?? null, hostPort: p.hostPort, containerPort: p.containerPort, protocol: p.protocol})) : []
  const notReady = r.outcome === 'not ready'
  const reason = notReady ? text((d.notReady as {reason?: unknown} | undefined)?.reason) : null
  const previousId = text(d.previous)
  const error = r.status === 'failed' ? r.error?.message : r.status === 'skipped' ? r.reason : undefined
  return {
    name, service: c.service, ship: c.ship, state, id: r.id ?? null,
    dockerState: text(d.state), dockerStatus, createdAt: created === null ? null : new Date(created * 1000).toISOString(), ageSeconds: ageOf(dockerStatus),
    exitCode: count(d.exitCode), ports, ...(probes ? {probes} : {}),
    image: text(d.image), imageId: text(d.imageId), fileImage: c.image,
    drift, driftKnown: state !== 'unknown' && d.driftKnown !== false, notReady, ...(reason === null ? {} : {notReadyReason: reason}),
    ...(previousId === null ? {} : {previousId}),
    ...(error === undefined ? {} : {error}),
  }
}

const orphan = (o: OrphanOutcome): StatusOrphan => ({
  name: o.container, ship: o.ship, state: o.state === 'running' ? 'running' : 'down', dockerState: o.state, dockerStatus: o.status, ageSeconds: ageOf(o.status),
  kind: o.kind, movedTo: o.movedTo ?? null, service: o.service ?? null, id: o.id,
})

/** Pure: the document of one status play; `generatedAt` is when the ships were listed. */
export function statusDocument(environment: Environment, result: StatusResult, generatedAt: Date): StatusDocument {
  const unreachable = new Map<string, string>()
  for (const [name, r] of result.outcomes) {
    const reason = r.outcome === 'host down' ? text(r.data?.reason) : null
    if (reason !== null) unreachable.set(environment.containers[name].ship, reason)
  }
  return {
    schema: STATUS_SCHEMA,
    environment: environment.name,
    generatedAt: generatedAt.toISOString(),
    containers: [...result.outcomes].map(([name, r]) => container(environment, name, r)),
    orphans: result.orphans.map(orphan),
    unreachable: [...unreachable].sort(([a], [b]) => a.localeCompare(b)).map(([ship, error]) => ({ship, error})),
    unlistedShips: [...result.unseen],
  }
}
