/**
 * The last lines a failed container wrote, for its failure report: bounded in lines, characters per line and
 * bytes overall, control characters dropped (it is the container's own output, printed on the operator's terminal).
 */
import type {DockerClient} from '../api/docker.js'

export interface TailBounds {
  readonly lines: number
  readonly lineChars: number
  readonly bytes: number
  /** A daemon that stops answering mid-stream does not hold the failure report up longer than this. */
  readonly readMs: number
}

export const LOG_TAIL: TailBounds = {lines: 10, lineChars: 200, bytes: 4096, readMs: 5000}

// eslint-disable-next-line no-control-regex
const CONTROL = /\u001b\[[0-9;?]*[ -/]*[@-~]|[\u0000-\u0008\u000b-\u001f\u007f]/g

/** The bounded tail of `text`: the last non-empty lines that fit, the newest kept first when something must go. */
export function boundTail(text: string, bounds: TailBounds = LOG_TAIL): string[] {
  const lines = text.split('\n').map((l) => l.replace(CONTROL, '').trimEnd()).filter((l) => l !== '').slice(-bounds.lines)
  const cut = lines.map((l) => (l.length > bounds.lineChars ? `${l.slice(0, bounds.lineChars - 1)}…` : l))
  const kept: string[] = []
  let bytes = 0
  for (const l of cut.reverse()) {
    bytes += Buffer.byteLength(l) + 1
    if (bytes > bounds.bytes) break
    kept.unshift(l)
  }
  return kept
}

/** The tail of a container's log; what could be read of it, empty when nothing (the failure is reported anyway). */
export async function readLogTail(docker: Pick<DockerClient, 'logs'>, id: string, bounds: TailBounds = LOG_TAIL): Promise<string[]> {
  let timer: NodeJS.Timeout | undefined
  let text = ''
  try {
    const stream = await docker.logs(id, {tail: bounds.lines})
    timer = setTimeout(() => stream.destroy(), bounds.readMs).unref()
    for await (const chunk of stream) {
      text += String(chunk)
      if (text.length > 4 * bounds.lines * bounds.lineChars) text = text.slice(-2 * bounds.lines * bounds.lineChars)
    }
  } catch {
    // what was read before the stream broke is still worth showing
  } finally {
    clearTimeout(timer)
  }
  return boundTail(text, bounds)
}

/** Where the rest of the log is. */
export const logsHint = (container: string): string => `more: maestro logs ${container}`
