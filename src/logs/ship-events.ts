/**
 * One Docker event stream per ship for the followed containers on it, so a follower can wait for "a container
 * named X started" (upstream re-attach) without one stream per container and without missing a start that
 * happens while it is looking.
 */
import type {Readable} from 'node:stream'
import type {DockerClient} from '../api/docker.js'

/** A point in a ship's event history: how many starts of a name were seen, and which stream saw them. */
export interface EventMark {
  readonly starts: number
  readonly generation: number
}

interface DockerEvent {
  readonly Type?: string
  readonly Action?: string
  readonly status?: string
  readonly Actor?: {readonly Attributes?: Readonly<Record<string, string>>}
}

export class ShipEvents {
  private stream?: Readable
  private opening?: Promise<void>
  private generation = 0
  private readonly starts = new Map<string, number>()
  private readonly waiters = new Set<() => void>()

  constructor(private readonly client: DockerClient, private readonly names: readonly string[]) {}

  /** Opens the stream unless it is open; rejects when the daemon cannot be reached. */
  open(): Promise<void> {
    if (this.stream) return Promise.resolve()
    this.opening ??= this.client
      .events({type: ['container'], event: ['start'], container: [...this.names]})
      .then((s) => this.attach(s))
      .finally(() => (this.opening = undefined))
    return this.opening
  }

  mark(name: string): EventMark {
    return {starts: this.starts.get(name) ?? 0, generation: this.generation}
  }

  /** Resolves once `name` started after `mark`, the stream broke (look again), or `signal` aborted. */
  async changed(name: string, mark: EventMark, signal: AbortSignal): Promise<void> {
    const moved = () => signal.aborted || this.generation !== mark.generation || (this.starts.get(name) ?? 0) > mark.starts
    while (!moved()) {
      await new Promise<void>((resolve) => {
        const wake = () => {
          this.waiters.delete(wake)
          signal.removeEventListener('abort', wake)
          resolve()
        }
        this.waiters.add(wake)
        signal.addEventListener('abort', wake, {once: true})
      })
    }
  }

  close(): void {
    const s = this.stream
    this.stream = undefined
    s?.destroy()
  }

  private attach(s: Readable): void {
    this.stream = s
    s.on('data', (e: DockerEvent) => {
      const name = e.Actor?.Attributes?.name
      if ((e.Type ?? 'container') !== 'container' || (e.Action ?? e.status) !== 'start' || name === undefined) return
      this.starts.set(name, (this.starts.get(name) ?? 0) + 1)
      this.wakeAll()
    })
    const broken = () => {
      if (this.stream !== s) return
      this.stream = undefined
      this.generation++
      this.wakeAll()
    }
    s.on('end', broken)
    s.on('close', broken)
    s.on('error', broken)
  }

  private wakeAll(): void {
    for (const w of [...this.waiters]) w()
  }
}
