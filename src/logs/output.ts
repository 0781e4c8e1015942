/** Serialised writes to stdout/stderr: whole pieces in the order they were queued, honouring backpressure. */

/** The part of a Node writable (process.stdout) the log output needs. */
export interface TextStream {
  write(text: string): boolean
  once(event: 'drain' | 'close' | 'error', listener: () => void): unknown
  off(event: 'drain' | 'close' | 'error', listener: () => void): unknown
  on(event: 'error', listener: (error: Error) => void): unknown
  readonly isTTY?: boolean
}

export interface Piece {
  readonly to: 'out' | 'err'
  readonly text: string
}

function drained(stream: TextStream): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      for (const e of ['drain', 'close', 'error'] as const) stream.off(e, done)
      resolve()
    }
    for (const e of ['drain', 'close', 'error'] as const) stream.once(e, done)
  })
}

export class Output {
  private chain: Promise<void> = Promise.resolve()

  constructor(private readonly streams: {readonly out: TextStream; readonly err: TextStream}) {}

  /** Queues `pieces` after everything queued before; resolves once they are written (or buffered without pressure). */
  send(pieces: readonly Piece[]): Promise<void> {
    if (pieces.length === 0) return this.chain
    this.chain = this.chain.then(async () => {
      for (const p of pieces) {
        const stream = this.streams[p.to]
        if (!stream.write(p.text)) await drained(stream)
      }
    })
    return this.chain
  }
}

/**
 * Output grouped per container in list order while all containers are read at once: the container at the
 * head writes through; the others are held until every container before them has finished.
 */
export class OrderedOutput {
  private head = 0
  private readonly held: Piece[][]
  private readonly finished: boolean[]

  constructor(private readonly output: Output, count: number) {
    this.held = Array.from({length: count}, () => [])
    this.finished = Array.from({length: count}, () => false)
  }

  send(index: number, pieces: readonly Piece[]): Promise<void> {
    if (index === this.head) return this.output.send(pieces)
    this.held[index].push(...pieces)
    return Promise.resolve()
  }

  finish(index: number): Promise<void> {
    this.finished[index] = true
    let last = Promise.resolve()
    while (this.head < this.finished.length && this.finished[this.head]) {
      this.head++
      if (this.head < this.held.length) last = this.output.send(this.held[this.head].splice(0))
    }
    return last
  }
}
