import type {PlayStats} from '../api/events.js'
import type {ContainerResult} from './types.js'

export function playStats(results: ReadonlyMap<string, ContainerResult>, durationMs: number): PlayStats {
  const all = [...results.values()]
  const outcomes: Record<string, number> = {}
  for (const r of all) if (r.outcome) outcomes[r.outcome] = (outcomes[r.outcome] ?? 0) + 1
  return {
    total: all.length,
    succeeded: all.filter((r) => r.status === 'ok').length,
    failed: all.filter((r) => r.status === 'failed').length,
    skipped: all.filter((r) => r.status === 'skipped').length,
    unknown: all.filter((r) => r.failure === 'unknown').length,
    aborted: all.filter((r) => r.failure === 'aborted').length,
    durationMs,
    outcomes,
  }
}
