import type {PullProgress} from '../../src/api/index.js'

/** One message of the pull stream (POST /images/create). */
export interface PullMessage {
  readonly id?: string
  readonly status?: string
  readonly progressDetail?: {readonly current?: number; readonly total?: number}
  readonly error?: string
  readonly errorDetail?: {readonly message?: string}
}

const DONE = /^(Download complete|Pull complete|Already exists|Verifying Checksum|Extracting)$/

/**
 * Tracks per-layer progress and reports the mean of layer percentages, as MaestroNG does:
 * a layer is `current/total` while downloading and 100 once downloaded (or already present).
 */
export class PullProgressTracker {
  private readonly layers = new Map<string, number>()

  update(message: PullMessage): PullProgress {
    const status = message.status ?? ''
    const id = message.id
    if (id !== undefined && /^[0-9a-f]{12,}$/.test(id)) {
      const detail = message.progressDetail
      if (status === 'Downloading' && detail?.total) {
        this.layers.set(id, Math.min(100, (100 * (detail.current ?? 0)) / detail.total))
      } else if (DONE.test(status)) {
        this.layers.set(id, 100)
      } else if (!this.layers.has(id)) {
        this.layers.set(id, 0)
      }
    }
    const percent = this.percent()
    return percent === undefined ? {status} : {status, percent}
  }

  percent(): number | undefined {
    if (this.layers.size === 0) return undefined
    let sum = 0
    for (const p of this.layers.values()) sum += p
    return Math.round((sum / this.layers.size) * 10) / 10
  }
}

/** `repo[:tag]` or `repo@digest` to the query of POST /images/create (untagged means :latest). */
export function pullQuery(ref: string): {fromImage: string; tag: string} {
  const at = ref.indexOf('@')
  if (at >= 0) return {fromImage: ref.slice(0, at), tag: ref.slice(at + 1)}
  const slash = ref.lastIndexOf('/')
  const colon = ref.lastIndexOf(':')
  if (colon > slash) return {fromImage: ref.slice(0, colon), tag: ref.slice(colon + 1)}
  return {fromImage: ref, tag: 'latest'}
}
