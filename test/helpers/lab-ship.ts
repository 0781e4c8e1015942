import type {Ship} from '../../src/api/index.js'
import type {Lab} from './lab.js'

/** A model Ship (as the loader would produce) for lab ship `index` (1-based), plain TCP by default. */
export function labShip(lab: Lab, index: number, overrides: Partial<Ship> = {}): Ship {
  const ship = lab.ships[index - 1]
  if (!ship) throw new Error(`the lab has no ship ${index}`)
  return {
    name: ship.name,
    ip: ship.ip,
    endpoint: ship.ip,
    dockerPort: ship.dockerPort,
    apiVersion: '1.41',
    timeout: 5,
    tls: false,
    tlsVerify: false,
    extra: {},
    ...overrides,
  }
}
