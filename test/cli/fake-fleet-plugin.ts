/**
 * A third-party-style plugin for CLI tests: a FakeFleet transport configured from MAESTRO_TEST_FLEET (JSON), so
 * the BUILT binary runs real plays without Docker. Registered `pre` so it is chosen before built-in transports.
 */
import {definePlugin, Tokens, type MaestroPlugin, type Ship} from '../../src/api/index.js'
import {FakeFleet} from '../helpers/fake-docker.js'

export interface FleetConfig {
  readonly ships: readonly string[]
  readonly images?: readonly string[]
  readonly down?: readonly string[]
  readonly latencyMs?: number
  /** `createContainer web-1` style: that call fails with `message`. */
  readonly fail?: {readonly call: string; readonly arg: string; readonly message: string}
  readonly running?: readonly {readonly ship: string; readonly name: string; readonly image: string}[]
}

export function fleetFrom(config: FleetConfig): FakeFleet {
  const fleet = new FakeFleet(config.ships)
  for (const d of fleet.ships.values()) {
    for (const i of config.images ?? []) d.addImage(i)
    d.down = config.down?.includes(d.ship) ?? false
    d.latencyMs = config.latencyMs ?? 0
    const f = config.fail
    if (f) d.failWith = (call, arg) => (call === f.call && arg === f.arg ? new Error(f.message) : undefined)
  }
  for (const r of config.running ?? []) fleet.get(r.ship).seed(r.name, {Image: r.image}, true)
  return fleet
}

export const plugins = async (): Promise<MaestroPlugin[]> => {
  const config = JSON.parse(process.env.MAESTRO_TEST_FLEET ?? '{"ships": []}') as FleetConfig
  const fleet = fleetFrom(config)
  return [definePlugin({
    name: 'test-fleet',
    api: '^1.0.0',
    order: 'pre',
    register: (ctx) => {
      ctx.registry.register(Tokens.Transport, {
        useValue: {name: 'fake', canHandle: (ship: Ship) => fleet.ships.has(ship.name), connect: (ship: Ship) => fleet.get(ship.name)},
      })
    },
  })]
}
