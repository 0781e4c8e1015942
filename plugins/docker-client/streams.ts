import {Transform, Writable, type TransformCallback} from 'node:stream'

/**
 * Docker's multiplexed stream (8-byte header: type, 0, 0, 0, big-endian length) to its payload,
 * stdout and stderr merged in arrival order. A header that is not a stream type means the
 * stream is raw (a TTY container), and everything from there on passes through unchanged.
 */
export class DemuxStream extends Transform {
  private pending: Buffer = Buffer.alloc(0)
  private raw = false

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    if (this.raw) return done(null, chunk)
    this.pending = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk])
    while (this.pending.length >= 8) {
      const type = this.pending[0]!
      if (type > 2 || this.pending[1] !== 0 || this.pending[2] !== 0 || this.pending[3] !== 0) {
        this.raw = true
        this.push(this.pending)
        this.pending = Buffer.alloc(0)
        break
      }
      const length = this.pending.readUInt32BE(4)
      if (this.pending.length < 8 + length) break
      this.push(this.pending.subarray(8, 8 + length))
      this.pending = this.pending.subarray(8 + length)
    }
    done()
  }

  override _flush(done: TransformCallback): void {
    if (this.pending.length > 0) this.push(this.pending)
    done()
  }
}

/** Newline-delimited JSON (the events and pull streams) to parsed objects; blank lines skipped. */
export class JsonLinesStream extends Transform {
  private buffer = ''

  constructor() {
    super({readableObjectMode: true})
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.buffer += chunk.toString('utf8')
    const lines = this.buffer.split('\n')
    this.buffer = lines.pop() ?? ''
    try {
      for (const line of lines) this.pushLine(line)
      done()
    } catch (e) {
      done(e as Error)
    }
  }

  override _flush(done: TransformCallback): void {
    try {
      this.pushLine(this.buffer)
      done()
    } catch (e) {
      done(e as Error)
    }
  }

  private pushLine(line: string): void {
    const text = line.trim()
    if (text !== '') this.push(JSON.parse(text))
  }
}

/**
 * Docker's multiplexed stream split back into its two streams: stdout frames (type 0 and 1) to `stdout`,
 * stderr frames (type 2) to `stderr`, waiting for a target that is full before reading on. `raw` (a TTY's
 * output, not multiplexed): everything to `stdout`. The targets are never ended.
 */
export class DemuxSplitter extends Writable {
  private pending: Buffer = Buffer.alloc(0)

  constructor(private readonly stdout: NodeJS.WritableStream, private readonly stderr: NodeJS.WritableStream, private readonly raw = false) {
    super()
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, done: (error?: Error | null) => void): void {
    if (this.raw) return void (this.stdout.write(chunk) ? done() : drained(this.stdout).then(() => done()))
    this.pending = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk])
    const waits: Promise<void>[] = []
    while (this.pending.length >= 8) {
      const length = this.pending.readUInt32BE(4)
      if (this.pending.length < 8 + length) break
      const target = this.pending[0] === 2 ? this.stderr : this.stdout
      if (!target.write(this.pending.subarray(8, 8 + length))) waits.push(drained(target))
      this.pending = this.pending.subarray(8 + length)
    }
    if (waits.length === 0) return done()
    void Promise.all(waits).then(() => done())
  }
}

function drained(stream: NodeJS.WritableStream): Promise<void> {
  return new Promise((resolve) => {
    const settle = () => {
      stream.removeListener('drain', settle)
      stream.removeListener('close', settle)
      stream.removeListener('error', settle)
      resolve()
    }
    stream.once('drain', settle)
    stream.once('close', settle)
    stream.once('error', settle)
  })
}
