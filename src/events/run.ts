/** `maestro events`: the Docker events of this environment's containers on all their ships, until a signal or --until. */
import type {Readable} from 'node:stream'
import {describeError, ExitCode, unreachableError} from '../api/errors.js'
import type {TransportFlags} from '../api/contracts.js'
import type {Environment} from '../model/types.js'
import type {PlayHost} from '../play/services.js'
import {shipClients} from '../play/ships.js'
import {LABEL} from '../plan/labels.js'
import {colorWanted} from '../logs/colors.js'
import {Output, type TextStream} from '../logs/output.js'
import {makePrefixes} from '../logs/prefix.js'
import {environmentEvent, eventLine, type DockerEventMessage} from './format.js'

export interface EventsOptions {
  readonly json: boolean
  readonly color: boolean
  /** Epoch seconds. */
  readonly since?: number
  readonly until?: number
  readonly transportFlags?: TransportFlags
}

export interface EventsIO {
  readonly out: TextStream
  readonly err: TextStream
  readonly env: Readonly<Record<string, string | undefined>>
  readonly signal: AbortSignal
}

/**
 * Resolves when every ship's stream ended: 0 after a signal or when --until was reached, 1 when streams dropped,
 * 3 when no ship could be reached at all.
 */
export async function runEvents(host: PlayHost, environment: Environment, names: readonly string[], options: EventsOptions, io: EventsIO): Promise<number> {
  const output = new Output(io)
  const prefixes = makePrefixes(names)
  const color = !options.json && colorWanted(io.out, options.color, io.env)
  const clients = shipClients(host.playServices(), environment, {env: io.env, transportFlags: options.transportFlags})
  const ships = [...new Set(names.map((n) => environment.containers[n].ship))]
  const streams: Readable[] = []
  const stop = () => {
    for (const s of streams) s.destroy()
  }
  io.signal.addEventListener('abort', stop, {once: true})
  try {
    const outcomes = await Promise.all(
      ships.map(async (ship): Promise<'done' | 'dropped' | {down: unknown}> => {
        const client = clients.get(ship)
        const mine = new Set(names.filter((n) => environment.containers[n].ship === ship))
        const filters = {type: ['container'], label: [`${LABEL.environment}=${environment.name}`], container: [...mine]}
        let stream: Readable
        try {
          stream = await client.events(filters, {...(options.since !== undefined ? {since: options.since} : {}), ...(options.until !== undefined ? {until: options.until} : {})})
        } catch (error) {
          await output.send([{to: 'err', text: `warning: ship ${ship} (${client.endpoint}): no events: ${describeError(error)}\n`}])
          return {down: error}
        }
        if (io.signal.aborted) stream.destroy()
        streams.push(stream)
        return new Promise((resolve) => {
          let failure: unknown
          stream.on('data', (e: DockerEventMessage) => {
            const event = environmentEvent(ship, mine, e)
            if (event) void output.send([{to: 'out', text: eventLine(event, prefixes, color, options.json)}])
          })
          stream.on('error', (error) => (failure = error))
          stream.on('close', () => {
            if (io.signal.aborted || (failure === undefined && options.until !== undefined)) return resolve('done')
            const why = failure === undefined ? 'the daemon closed the stream' : describeError(failure)
            void output.send([{to: 'err', text: `warning: ship ${ship} (${client.endpoint}): event stream lost: ${why}\n`}]).then(() => resolve('dropped'))
          })
        })
      }),
    )
    await output.send([])
    const down = outcomes.filter((o) => typeof o === 'object')
    if (down.length === ships.length && ships.length > 0) throw unreachableError(ships[0], clients.get(ships[0]).endpoint, down[0].down)
    if (io.signal.aborted) return ExitCode.OK
    return outcomes.every((o) => o === 'done') ? ExitCode.OK : ExitCode.ACTION_FAILED
  } finally {
    io.signal.removeEventListener('abort', stop)
    await clients.closeAll()
  }
}
