import type {DockerClient} from '../api/docker.js'
import {NO_TRANSPORT_FLAGS, type TransportContext} from '../api/contracts.js'
import {MaestroError} from '../api/errors.js'
import type {Environment} from '../model/types.js'
import type {PlayServices} from './services.js'
import type {PlayRequest} from './types.js'

/**
 * One Docker client per ship, opened on first use through the first Transport that can handle the ship,
 * and closed together at the end of the play (R11: nothing is opened for ships outside the play).
 */
export class ShipClients {
  private readonly clients = new Map<string, {client: DockerClient; kind: string; base: number}>()

  constructor(
    private readonly services: PlayServices,
    private readonly environment: Environment,
    private readonly context: TransportContext,
  ) {}

  get(shipName: string): DockerClient {
    const open = this.clients.get(shipName)
    if (open) return open.client
    const ship = this.environment.ships[shipName]
    const transport = this.services.transports.find((t) => t.canHandle(ship))
    if (!transport) throw new MaestroError('MAESTRO_NO_PROVIDER', `no plugin provides a transport for ship ${shipName}`)
    const client = transport.connect(ship, this.context)
    this.clients.set(shipName, {client, kind: transport.name, base: client.stats.requests})
    this.services.emit('transport:open', {ship: shipName, kind: transport.name, endpoint: client.endpoint, at: Date.now()})
    return client
  }

  /** Engine API requests made through these clients so far, per ship. */
  requests(): Record<string, number> {
    return Object.fromEntries([...this.clients].map(([ship, {client, base}]) => [ship, client.stats.requests - base]))
  }

  async closeAll(): Promise<void> {
    const all = [...this.clients]
    this.clients.clear()
    await Promise.all(
      all.map(async ([ship, {client, kind}]) => {
        await client.close().catch(() => undefined)
        this.services.emit('transport:close', {ship, kind, endpoint: client.endpoint, at: Date.now()})
      }),
    )
  }
}

/** The clients of one play or log session: transport flags and env from the request, paths from the file. */
export function shipClients(services: PlayServices, environment: Environment, request: Pick<PlayRequest, 'transportFlags' | 'env'>): ShipClients {
  const context = {flags: request.transportFlags ?? NO_TRANSPORT_FLAGS, env: request.env ?? process.env, baseDir: environment.baseDir, log: services.logger('transport')}
  return new ShipClients(services, environment, context)
}
