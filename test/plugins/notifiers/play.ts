import {MaestroError, type Action, type ContainerRef, type Environment, type NotifierContext, type Ship} from '../../../src/api/index.js'
import {EventBus} from '../../../src/kernel/event-bus.js'

export const refs = (n: number): ContainerRef[] =>
  Array.from({length: n}, (_, i) => ({name: `web-${i + 1}`, service: 'web', ship: `ship${(i % 2) + 1}`, image: 'lab/busybox:latest'}))

const ship = (name: string, ip: string): Ship =>
  ({name, ip, endpoint: ip, dockerPort: 2375, apiVersion: 'auto', timeout: 5, tls: false, tlsVerify: false, extra: {}})

export const logs: string[] = []

export function notifierContext(): NotifierContext {
  const environment: Environment = {
    name: 'test', file: '/tmp/maestro.yaml', baseDir: '/tmp', schema: 2,
    ships: {ship1: ship('ship1', '10.231.9.11'), ship2: ship('ship2', '10.231.9.12')},
    services: {}, containers: {}, registries: {}, audit: [], plugins: {},
  }
  return {environment, user: 'alice', log: {debug: () => undefined, info: () => undefined, warn: (m) => logs.push(m)}}
}

/** Emits a whole play on a real bus: play:start, then per container task:start + task:end (or task:fail), play:end. */
export async function emitPlay(bus: EventBus, command: Action, containers: ContainerRef[], failing?: string): Promise<void> {
  const base = {playId: 'p1', at: Date.now()}
  bus.emit('play:start', {...base, command, containers, concurrency: Infinity, ordered: true, direction: 'forward', environment: 'test', user: 'alice'})
  let error: MaestroError | undefined
  containers.forEach((container, index) => {
    bus.emit('task:start', {...base, container, action: command, index})
    if (container.name === failing) {
      error = new MaestroError('MAESTRO_ACTION_FAILED', `${container.name} did not start`)
      bus.emit('task:fail', {...base, container, action: command, error, durationMs: 5})
    } else {
      bus.emit('task:end', {...base, container, action: command, outcome: 'started', durationMs: 5})
    }
  })
  const stats = {total: containers.length, succeeded: containers.length - (error ? 1 : 0), failed: error ? 1 : 0, skipped: 0, durationMs: 10, outcomes: {}}
  bus.emit('play:end', {...base, command, containers, stats, error, interrupted: false})
  await bus.drain()
}
