import {MaestroError} from '../../src/api/errors.js'
import type {ContainerRef, EventName, EventPayload} from '../../src/api/events.js'

type Emit = <E extends EventName>(e: E, p: EventPayload<E>) => void

const ref = (name: string, ship: string): ContainerRef => ({name, service: 'web', ship, image: 'shop/web:1.5'})
export const W1 = ref('web-1', 'ship1')
export const W2 = ref('web-2', 'ship2')
export const W3 = ref('web-3', 'ship1')
export const U0 = Date.UTC(2026, 11, 7, 9, 33, 17, 0)
const containers = [W1, W2, W3]
const playId = 'u1'
const at = (ms: number) => ({playId, at: U0 + ms})

export const REASON = 'web-2: running check http:http failed: HTTP 503; the new container was removed, the old one (aaa222) keeps running'
export const PAUSE_HINT = 'maestro start --converge web resumes it, maestro rollback web goes back'

/** The failure of web-2's replacement, with a log tail and a hint as the engine gives them. */
export const failure = (): MaestroError =>
  new MaestroError('MAESTRO_CHECK_FAILED', REASON, {hint: 'maestro logs web-2 shows more', logTail: ['listening on :8080', 'db unreachable']})

/**
 * A converge of web (start-first, parallelism 1): web-1 is replaced, keeping its previous container; web-2's new
 * container fails its check; then `failure_action` acts: rollback puts web-1's previous container back, pause
 * leaves web-3 not replaced. web-3 is skipped either way.
 */
export function emitUpdate(emit: Emit, then: 'rollback' | 'pause'): void {
  emit('play:start', {...at(0), command: 'start', containers, concurrency: 4, ordered: true, direction: 'forward', environment: 'shop', user: 'ci'})
  emit('task:start', {...at(0), container: W1, action: 'start', index: 0})
  emit('update:replace', {...at(10), container: W1, order: 'start-first', oldId: 'aaa111', batch: 1})
  emit('update:monitor', {...at(2010), container: W1, id: 'bbb111', ms: 10_000})
  emit('update:replaced', {...at(12_510), container: W1, order: 'start-first', oldId: 'aaa111', newId: 'bbb111', previous: 'web-1.previous', durationMs: 12_500})
  emit('task:end', {...at(12_510), container: W1, action: 'start', outcome: 'recreated', id: 'bbb111', durationMs: 12_510})
  emit('task:start', {...at(12_510), container: W2, action: 'start', index: 1})
  emit('update:replace', {...at(12_520), container: W2, order: 'start-first', oldId: 'aaa222', batch: 2})
  const error = failure()
  emit('update:failed', {...at(15_520), container: W2, error, then})
  emit('task:fail', {...at(15_520), container: W2, action: 'start', error, durationMs: 3010})
  if (then === 'rollback') {
    emit('update:rollback', {...at(16_000), service: 'web', trigger: 'failure', reason: REASON, restored: [{container: W1, id: 'aaa111', removedId: 'bbb111'}], failed: []})
  } else {
    emit('update:pause', {...at(15_520), service: 'web', reason: REASON, pending: ['web-3'], hint: PAUSE_HINT})
  }
  emit('task:skip', {...at(16_000), container: W3, action: 'start', reason: 'aborted', detail: 'web-2 failed'})
  const stats = {total: 3, succeeded: 1, failed: 1, skipped: 1, durationMs: 16_100, outcomes: {recreated: 1}}
  emit('play:end', {...at(16_100), command: 'start', containers, stats, error, interrupted: false})
}
