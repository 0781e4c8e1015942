/** What the reporter remembers of a command's plays: plain data, rendered by render.ts. */
export type RowStatus = 'ok' | 'failed' | 'skipped'

export interface Row {
  readonly container: string
  readonly ship: string
  readonly action: string
  /** The upstream status word (`started`, `stopped`, `host down` …), `failed`, or `skipped (aborted)`. */
  readonly outcome: string
  readonly status: RowStatus
  readonly durationMs?: number
  readonly error?: string
}

export interface PlaySummary {
  readonly command: string
  readonly environment: string
  readonly user: string
  readonly startedAt: number
  /** Container names in play order; rows fill in as tasks end. */
  readonly containers: readonly {readonly name: string; readonly ship: string}[]
  readonly rows: Map<string, Row>
  durationMs?: number
  interrupted?: boolean
  error?: string
}

export interface Summary {
  readonly plays: PlaySummary[]
  /** `file:line:col: message` lines of a configuration that failed to load. */
  readonly configErrors: string[]
}
