/** Pure mapping from task events to the upstream status vocabulary (reference §1). */
import type {Action, TaskEnd, TaskFail, TaskSkip} from '../../src/api/index.js'

const VERBS: Readonly<Record<Action, string>> = {
  status: 'checking', start: 'starting', stop: 'stopping', kill: 'killing', restart: 'restarting',
  clean: 'cleaning', pull: 'pulling', plan: 'planning', rollback: 'rolling back',
}

export const pendingStatus = (action: Action): string => `${VERBS[action] ?? action}...`
/** At most three names: a fanned-in container may wait for thousands. */
export const waitingStatus = (waitingOn: readonly string[]): string =>
  `waiting for ${waitingOn.slice(0, 3).join(', ')}${waitingOn.length > 3 ? ` and ${waitingOn.length - 3} more` : ''}...`

/** `running for 14s`, `started`, `down for 3m2s (drifted: env.WORKERS)`. */
export function endStatus(e: Pick<TaskEnd, 'outcome' | 'detail' | 'data'>): string {
  const text = e.detail ? `${e.outcome} ${e.detail}` : e.outcome
  const drift = e.data?.drift
  if (Array.isArray(drift) && drift.length > 0 && e.outcome !== 'recreated' && !text.includes('drifted')) return `${text} (drifted: ${drift.join(', ')})`
  return text
}

/**
 * Stop and kill failures name their reason (they are not fatal upstream); the others end in `!`. A request whose
 * answer was lost is `unknown!`, an action the interruption cut short `aborted!`.
 */
export function failStatus(e: Pick<TaskFail, 'action' | 'error' | 'outcome'>): string {
  if (e.outcome === 'unknown') return 'unknown!'
  if (e.outcome === 'aborted') return ABORTED
  if (e.action === 'stop' || e.action === 'kill') return `failed: ${e.error.message}`
  if (e.error.code === 'MAESTRO_CHECK_FAILED' && (e.action === 'start' || e.action === 'restart')) return 'container did not start!'
  return 'failed!'
}

export const ABORTED = 'aborted!'

/** Never attempted: `skipped (web-1 failed)`, `skipped (interrupted by SIGTERM)`. */
export const skipStatus = (e: Pick<TaskSkip, 'reason' | 'detail'>): string => `skipped (${e.detail ?? e.reason})`
