import {spawn} from 'node:child_process'

/** How long output may still arrive after the command exited. */
const PIPE_GRACE_MS = 500

export interface BoundedRun {
  readonly argv: readonly string[]
  readonly env: NodeJS.ProcessEnv
  readonly stdin?: string
  /** The whole run, after which the command and everything it started are killed. */
  readonly timeoutMs: number
  readonly signal?: AbortSignal
  /** Bytes of merged output kept (the end). */
  readonly keep?: number
}

export type BoundedResult =
  | {readonly kind: 'exited'; readonly code: number | null; readonly signal: NodeJS.Signals | null; readonly output: string}
  | {readonly kind: 'timed-out'; readonly output: string}
  | {readonly kind: 'aborted'}
  | {readonly kind: 'failed'; readonly error: NodeJS.ErrnoException}

/**
 * Runs a command on the Maestro host in its own process group, so that on a timeout or an abort the command and
 * whatever it started (`sh -c 'sleep 999'`) are killed together and the run ends at once, even if a grandchild
 * still holds the output pipes. Keeps the last `keep` bytes of stdout and stderr.
 */
export function runBounded(run: BoundedRun): Promise<BoundedResult> {
  const keep = run.keep ?? 4096
  return new Promise((resolve) => {
    if (run.signal?.aborted) return resolve({kind: 'aborted'})
    const child = spawn(run.argv[0] as string, run.argv.slice(1), {cwd: process.cwd(), env: run.env, detached: true, stdio: ['pipe', 'pipe', 'pipe']})
    let output = ''
    let settled = false
    const collect = (c: Buffer): void => {
      output = (output + c.toString('utf8')).slice(-keep)
    }
    const finish = (result: BoundedResult): void => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      run.signal?.removeEventListener('abort', onAbort)
      child.stdout.destroy()
      child.stderr.destroy()
      resolve(result)
    }
    const killGroup = (): void => {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL')
      } catch {
        // already gone
      }
    }
    const onAbort = (): void => {
      killGroup()
      finish({kind: 'aborted'})
    }
    const timer = setTimeout(() => {
      killGroup()
      finish({kind: 'timed-out', output})
    }, run.timeoutMs)
    run.signal?.addEventListener('abort', onAbort, {once: true})
    child.stdout.on('data', collect)
    child.stderr.on('data', collect)
    child.stdin.on('error', () => undefined)
    child.stdin.end(run.stdin)
    child.once('error', (error: NodeJS.ErrnoException) => finish({kind: 'failed', error}))
    // The output is whole at 'close'; but a grandchild may keep the pipes open after the command has ended.
    child.once('exit', (code, signal) => {
      const done = () => finish({kind: 'exited', code, signal, output})
      child.once('close', done)
      setTimeout(done, PIPE_GRACE_MS).unref()
    })
  })
}
