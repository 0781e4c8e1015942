/**
 * A FakeDocker that serves logs and events: a container's log text, live log streams for `follow`, and one
 * event stream per `events()` call, on which tests announce container starts.
 */
import {PassThrough, Readable, Writable} from 'node:stream'
import type {LogOptions} from '../../src/api/index.js'
import {FakeDocker, FakeFleet} from '../helpers/fake-docker.js'

export class LogDocker extends FakeDocker {
  /** Log text per container name (kept across recreation unless replaced). */
  readonly text = new Map<string, string>()
  readonly logCalls: {name: string; options: LogOptions}[] = []
  readonly live = new Map<string, PassThrough>()
  readonly eventStreams: {filters: Record<string, string[]> | undefined; stream: PassThrough}[] = []

  override async logs(id = '', options: LogOptions = {}): Promise<Readable> {
    await super.logs()
    const c = [...this.containers.values()].find((x) => x.id === id || x.name === id)
    if (!c) throw Object.assign(new Error(`No such container: ${id}`), {statusCode: 404})
    this.logCalls.push({name: c.name, options})
    const lines = (this.text.get(c.name) ?? '').split(/(?<=\n)/).filter((l) => l !== '')
    const tail = options.tail === undefined || options.tail === 'all' ? lines : lines.slice(lines.length - options.tail)
    if (!options.follow) return Readable.from(tail.map((l) => Buffer.from(l)))
    const s = new PassThrough()
    for (const l of tail) s.write(l)
    if (c.running) this.live.set(c.name, s)
    else s.end()
    return s
  }

  override async events(filters?: Record<string, string[]>): Promise<Readable> {
    await super.events()
    const stream = new PassThrough({objectMode: true})
    this.eventStreams.push({filters, stream})
    return stream
  }

  /** The container writes to its log (to live followers too). */
  say(name: string, text: string): void {
    this.text.set(name, (this.text.get(name) ?? '') + text)
    this.live.get(name)?.write(text)
  }

  /** The container's process ends: its live log streams end. */
  die(name: string): void {
    const c = this.containers.get(name)
    if (c) Object.assign(c, {running: false, status: 'exited'})
    this.live.get(name)?.end()
    this.live.delete(name)
  }

  /** Removes and recreates the container (a new id), started, and announces the start. */
  recreate(name: string, text = ''): void {
    this.die(name)
    this.containers.delete(name)
    this.text.set(name, text)
    this.seed(name, {Image: 'img'}, true)
    this.announceStart(name)
  }

  announceStart(name: string): void {
    const id = this.containers.get(name)?.id ?? ''
    for (const e of this.eventStreams) e.stream.write({Type: 'container', Action: 'start', Actor: {ID: id, Attributes: {name}}})
  }
}

export class LogFleet extends FakeFleet {
  constructor(names: readonly string[]) {
    super([])
    for (const n of names) this.ships.set(n, new LogDocker(n))
  }

  override get(ship: string): LogDocker {
    return this.ships.get(ship) as LogDocker
  }
}

/** A writable that keeps what was written, optionally claiming to be a terminal. */
export class Capture extends Writable {
  text = ''

  constructor(readonly isTTY = false) {
    super({decodeStrings: false})
  }

  override _write(chunk: string | Buffer, _enc: BufferEncoding, done: () => void): void {
    this.text += chunk.toString()
    done()
  }

  /** Resolves once the written text contains `needle`. */
  async saw(needle: string, timeoutMs = 3000): Promise<void> {
    const until = Date.now() + timeoutMs
    while (!this.text.includes(needle)) {
      if (Date.now() > until) throw new Error(`timed out waiting for ${JSON.stringify(needle)} in ${JSON.stringify(this.text)}`)
      await new Promise((r) => setTimeout(r, 5))
    }
  }
}
