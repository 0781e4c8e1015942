/**
 * A ship that stops answering mid-play is found out once: the first request to it that times out or loses its
 * connection marks it down for the rest of the play, and every later request to it fails at once with the same
 * error instead of waiting out its own timeout (issue 13: one timeout per fault, not one per dependency level).
 */
import type {DockerClient} from '../api/docker.js'
import {isMaestroError, type MaestroError} from '../api/errors.js'

/** Errors that mean the ship itself is unreachable (not a daemon's answer, not a host key refusal). */
const LOST: ReadonlySet<string> = new Set(['MAESTRO_SHIP_UNREACHABLE', 'MAESTRO_SSH'])

export const isShipLost = (e: unknown): e is MaestroError => isMaestroError(e) && LOST.has(e.code)

/** Requests that end the client or only describe it stay untouched. */
const PASS_THROUGH: ReadonlySet<PropertyKey> = new Set(['close', 'ship', 'endpoint', 'stats'])

export class DeadShips {
  private readonly dead = new Map<string, MaestroError>()

  /** Why `ship` is down in this play, once a request to it was lost. */
  reason(ship: string): MaestroError | undefined {
    return this.dead.get(ship)
  }

  /** `client`, with every request failing at once once its ship is marked down, and marking it down when lost. */
  guard(client: DockerClient): DockerClient {
    const ship = client.ship
    return new Proxy(client, {
      get: (target, key, receiver) => {
        const value: unknown = Reflect.get(target, key, receiver)
        if (typeof value !== 'function' || PASS_THROUGH.has(key)) return value
        return (...args: unknown[]): Promise<unknown> => {
          const down = this.dead.get(ship)
          if (down) return Promise.reject(down)
          return (value as (...a: unknown[]) => Promise<unknown>).apply(target, args).catch((e: unknown) => {
            if (isShipLost(e) && !this.dead.has(ship)) this.dead.set(ship, e)
            throw e
          })
        }
      },
    })
  }
}
