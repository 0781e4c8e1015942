import {Writable} from 'node:stream'
import {EventBus} from '../../src/kernel/event-bus.js'
import {MaestroError, configError, type ConfigIssue} from '../../src/api/errors.js'
import type {ReporterContext, ReporterFactory} from '../../src/api/contracts.js'
import type {ContainerRef, EventName, EventPayload} from '../../src/api/events.js'
import {envFrom} from './model-env.js'

/** A Writable that keeps everything written to it. */
export class Capture extends Writable {
  text = ''
  override _write(chunk: Buffer | string, _enc: BufferEncoding, cb: (e?: Error | null) => void): void {
    this.text += chunk.toString()
    cb()
  }
}

export function reporterContext(out: Capture, extra: Partial<ReporterContext> = {}): ReporterContext {
  return {out, isTTY: false, color: false, progress: 'plain', columns: 80, options: {}, showHosts: false, ...extra}
}

/** A reporter attached to a real EventBus, writing into a Capture. */
export function attached(factory: ReporterFactory, extra: Partial<ReporterContext> = {}) {
  const out = new Capture()
  const bus = new EventBus()
  const reporter = factory.create(reporterContext(out, extra))
  reporter.attach(bus)
  const emit = <E extends EventName>(e: E, p: EventPayload<E>) => bus.emit(e, p)
  return {out, bus, reporter, emit}
}

export const YAML = [
  'name: shop',
  'ships:',
  '  ship1: {ip: 127.0.0.1}',
  'services:',
  '  zookeeper:',
  '    image: zookeeper:3.9',
  '    instances:',
  '      zk-1: {ship: ship1}',
  '  kafka:',
  '    image: kafka:3',
  '    requires: [zookeeper]',
  '    instances:',
  '      kafka-1: {ship: ship1}',
  '      kafka-2: {ship: ship1}',
].join('\n')

const ref = (name: string, service: string, image: string): ContainerRef => ({name, service, ship: 'ship1', image})
export const ZK = ref('zk-1', 'zookeeper', 'zookeeper:3.9')
export const K1 = ref('kafka-1', 'kafka', 'kafka:3')
export const K2 = ref('kafka-2', 'kafka', 'kafka:3')
export const T0 = 1_700_000_000_000

/** Emits a whole `start` play in catalogue order: zk-1 starts, kafka-1 fails, kafka-2 is skipped (aborted). */
export function emitFailingPlay(emit: <E extends EventName>(e: E, p: EventPayload<E>) => void): void {
  const playId = 'p1'
  const at = (ms: number) => ({playId, at: T0 + ms})
  const environment = envFrom(YAML)
  emit('config:loaded', {file: '/work/maestro.yaml', environment, warnings: []})
  const containers = [ZK, K1, K2]
  emit('play:start', {...at(0), command: 'start', containers, concurrency: 4, ordered: true, direction: 'forward', environment: 'shop', user: 'ci'})
  emit('transport:open', {ship: 'ship1', kind: 'tcp', endpoint: '127.0.0.1:2375', at: T0 + 1})
  emit('task:wait', {...at(1), container: K1, waitingOn: ['zk-1']})
  emit('task:wait', {...at(1), container: K2, waitingOn: ['zk-1']})
  emit('task:start', {...at(2), container: ZK, action: 'start', index: 0})
  emit('task:progress', {...at(3), container: ZK, action: 'start', message: 'pulling image'})
  emit('image:pull', {...at(4), container: ZK, ship: 'ship1', image: 'zookeeper:3.9', status: 'Downloading', percent: 42})
  emit('container:create', {...at(500), container: ZK, id: 'abc123'})
  emit('container:start', {...at(600), container: ZK, id: 'abc123'})
  const check = {type: 'tcp', port: 'client'}
  emit('check:start', {...at(601), container: ZK, state: 'running', check, attempt: 1})
  emit('check:pass', {...at(700), container: ZK, state: 'running', check, attempt: 1})
  emit('task:end', {...at(1502), container: ZK, action: 'start', outcome: 'started', id: 'abc123', durationMs: 1500, data: {ports: [2181]}})
  emit('task:start', {...at(1503), container: K1, action: 'start', index: 1})
  emit('check:fail', {...at(2000), container: K1, state: 'running', check, attempt: 3, error: 'connection refused'})
  const error = new MaestroError('MAESTRO_CHECK_FAILED', 'kafka-1: running check tcp:client failed: connection refused', {hint: 'look at the logs'})
  emit('task:fail', {...at(3753), container: K1, action: 'start', error, durationMs: 2250})
  emit('task:skip', {...at(3754), container: K2, action: 'start', reason: 'aborted', detail: 'kafka-1 failed'})
  emit('log', {level: 'info', source: 'play', message: 'play aborted'})
  emit('plugin:error', {plugin: 'maestro-audit-x', event: 'task:end', error: new Error('boom')})
  const stats = {total: 3, succeeded: 1, failed: 1, skipped: 1, durationMs: 3760, outcomes: {started: 1}}
  emit('play:end', {...at(3760), command: 'start', containers, stats, error, interrupted: false})
  emit('transport:close', {ship: 'ship1', kind: 'tcp', endpoint: '127.0.0.1:2375', at: T0 + 3761})
}

export const CONFIG_FILE = '/work/project/maestro.yaml'

export function configIssues(): ConfigIssue[] {
  return [
    {severity: 'error', message: "unknown ship 'shp1' (did you mean 'ship1'?)", loc: {file: CONFIG_FILE, line: 12, column: 5}, path: 'services.web.instances.web-1.ship'},
    {severity: 'error', message: 'ports: bad, value', loc: {file: CONFIG_FILE, line: 14, column: 9}, path: 'services.web.instances.web-1.ports'},
    {severity: 'warning', message: "unknown key 'imgae' in service web (did you mean 'image'?)", loc: {file: CONFIG_FILE, line: 7, column: 5}, path: 'services.web.imgae'},
  ]
}

export function emitConfigError(emit: <E extends EventName>(e: E, p: EventPayload<E>) => void): MaestroError {
  const error = configError(configIssues())
  emit('config:error', {file: CONFIG_FILE, error})
  return error
}
