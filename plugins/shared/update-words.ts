/** The words the console, JUnit and GitHub reporters use for the `update:*` events, so they say the same thing. */
import type {UpdateFailed, UpdatePause, UpdateReplaced, UpdateRollback} from '../../src/api/index.js'

/** `replaced abc123 -> def456 (previous kept as web-1.previous)` */
export const replacedText = (e: Pick<UpdateReplaced, 'oldId' | 'newId' | 'previous'>): string =>
  `replaced ${e.oldId} -> ${e.newId}${e.previous ? ` (previous kept as ${e.previous})` : ''}`

const THEN: Readonly<Record<UpdateFailed['then'], string>> = {rollback: 'rolling back', pause: 'pausing', continue: 'continuing'}

/** `replacement failed, rolling back` */
export const replacementFailedText = (then: UpdateFailed['then']): string => `replacement failed, ${THEN[then] ?? then}`

/** `rolled back web-1, web-2: <reason>`; instances whose previous container could not be put back follow. */
export function rollbackText(e: Pick<UpdateRollback, 'restored' | 'failed' | 'reason'>): string {
  const restored = e.restored.map((r) => r.container.name)
  const what = restored.length > 0 ? `rolled back ${restored.join(', ')}` : 'rolled back (no instance had been replaced)'
  const failed = e.failed.map((f) => `${f.container.name} (${f.error})`)
  return `${what}: ${e.reason}${failed.length > 0 ? `; could not put back ${failed.join(', ')}` : ''}`
}

/** `update paused: <reason>; not replaced: web-3 (<hint>)` */
export const pauseText = (e: Pick<UpdatePause, 'reason' | 'pending' | 'hint'>): string =>
  `update paused: ${e.reason}${e.pending.length > 0 ? `; not replaced: ${e.pending.join(', ')}` : ''} (${e.hint})`
