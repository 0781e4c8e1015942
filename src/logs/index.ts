/** `maestro logs`: the containers' logs, once (grouped per container) or followed across ships. */
import {ExitCode, isMaestroError, unreachableError} from '../api/errors.js'
import type {TransportFlags} from '../api/contracts.js'
import type {PlayHost} from '../play/services.js'
import type {Environment} from '../model/types.js'
import {shipClients} from '../play/ships.js'
import {colorWanted} from './colors.js'
import {logFormat} from './format.js'
import {followOne} from './follow.js'
import {Output, type TextStream} from './output.js'
import {makePrefixes} from './prefix.js'
import {ShipEvents} from './ship-events.js'
import {showLogs} from './show.js'
import type {ClientOf, LogRequest, LogTarget} from './types.js'

export interface LogsOptions extends LogRequest {
  readonly follow: boolean
  /** `--color` (NO_COLOR and a non-terminal also turn colour off). */
  readonly color: boolean
  readonly retryMs?: number
  /** Passed to transports (`--accept-new-host-keys`). */
  readonly transportFlags?: TransportFlags
}

export interface LogsIO {
  readonly out: TextStream
  readonly err: TextStream
  readonly env: Readonly<Record<string, string | undefined>>
  readonly signal: AbortSignal
}

export function logTargets(environment: Environment, names: readonly string[], color: boolean, io: Pick<LogsIO, 'out' | 'err' | 'env'>): LogTarget[] {
  const prefixes = makePrefixes(names)
  const options = {prefixed: names.length > 1, colorOut: colorWanted(io.out, color, io.env), colorErr: colorWanted(io.err, color, io.env)}
  return names.map((name) => ({name, ship: environment.containers[name].ship, format: logFormat(name, prefixes, options)}))
}

/** Shows or follows the logs of `names` (already selected); resolves to the exit status. */
export async function runLogs(host: PlayHost, environment: Environment, names: readonly string[], options: LogsOptions, io: LogsIO): Promise<number> {
  const targets = logTargets(environment, names, options.color, io)
  const output = new Output(io)
  const clients = shipClients(host.playServices(), environment, {env: io.env, transportFlags: options.transportFlags})
  const clientOf: ClientOf = (ship) => clients.get(ship)
  // Ctrl-C, or the reader went away (`maestro logs -F x | head`): stop reading
  const stop = new AbortController()
  const onAbort = () => stop.abort()
  io.signal.addEventListener('abort', onAbort, {once: true})
  io.out.on('error', onAbort)
  const stopped = (): number => (isMaestroError(io.signal.reason) && io.signal.reason.code === 'MAESTRO_INTERRUPTED' ? io.signal.reason.exit : ExitCode.INTERRUPTED)
  const exit = (code: number) => (io.signal.aborted ? stopped() : code)
  try {
    if (!options.follow) {
      const outcomes = await showLogs(targets, clientOf, options, output, stop.signal)
      if (stop.signal.aborted) return exit(ExitCode.OK)
      const down = outcomes.filter((o) => typeof o === 'object')
      if (down.length === targets.length) throw unreachableError(targets[0].ship, clientOf(targets[0].ship).endpoint, down[0].down)
      return outcomes.includes('failed') ? ExitCode.ACTION_FAILED : ExitCode.OK
    }
    await follow(targets, clientOf, options, output, stop.signal)
    return exit(ExitCode.OK)
  } finally {
    io.signal.removeEventListener('abort', onAbort)
    await clients.closeAll()
  }
}

async function follow(targets: readonly LogTarget[], clientOf: ClientOf, options: LogsOptions, output: Output, signal: AbortSignal): Promise<void> {
  const ships = [...new Set(targets.map((t) => t.ship))]
  const events = new Map(ships.map((s) => [s, new ShipEvents(clientOf(s), targets.filter((t) => t.ship === s).map((t) => t.name))]))
  try {
    const failures = await Promise.all([...events.values()].map((e) => e.open().then(() => undefined, (error: unknown) => ({error}))))
    if (failures.every((f) => f !== undefined)) {
      await output.send(targets.map((t) => t.format.notice('host down')))
      throw unreachableError(ships[0], clientOf(ships[0]).endpoint, failures[0].error)
    }
    const retryMs = options.retryMs ?? 2000
    await Promise.all(targets.map((t) => followOne(t, {client: clientOf(t.ship), events: events.get(t.ship)!, output, request: options, signal, retryMs})))
    await output.send([])
  } finally {
    for (const e of events.values()) e.close()
  }
}
