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
export const PAUSE_HINT = 'run the same start --converge again to resume the update of web, or `maestro rollback -s web` to put its previous containers back'
export const HALTED = '(not replaced: the update of web stopped after a failure)'

/** The failure of web-2's replacement, with a log tail and a hint as the engine gives them. */
export const failure = (message = REASON): MaestroError =>
  new MaestroError('MAESTRO_CHECK_FAILED', message, {hint: 'maestro logs web-2 shows more', logTail: ['listening on :8080', 'db unreachable']})

/**
 * A converge of web (start-first, parallelism 1) in the order the engine emits it (src/play/rolling-replace.ts,
 * update-failure.ts): all three tasks start, web-1 takes the slot and is replaced, keeping its previous container;
 * web-2's new container fails its check; then `failure_action` acts inside web-2's task: rollback puts web-1's
 * previous container back (web-1's container events come after its task ended), pause names web-3 as not
 * replaced. web-3, which waited for a slot, ends `skipped` either way.
 */
export function emitUpdate(emit: Emit, then: 'rollback' | 'pause'): void {
  const progress = (ms: number, container: ContainerRef, message: string) => emit('task:progress', {...at(ms), container, action: 'start', message})
  emit('play:start', {...at(0), command: 'start', containers, concurrency: 4, ordered: true, direction: 'forward', environment: 'shop', user: 'ci'})
  containers.forEach((container, index) => emit('task:start', {...at(0), container, action: 'start', index}))
  for (const c of containers) progress(1, c, 'waiting for an update slot')
  emit('update:replace', {...at(10), container: W1, order: 'start-first', oldId: 'aaa111', batch: 1})
  progress(10, W1, 'replacing (start-first)')
  emit('container:create', {...at(500), container: W1, id: 'bbb111'})
  progress(500, W1, 'start-first: new container web-1.next beside the old one')
  emit('update:monitor', {...at(2010), container: W1, id: 'bbb111', ms: 10_000})
  progress(2010, W1, 'monitoring for 10s')
  emit('container:stop', {...at(12_100), container: W1, id: 'aaa111'})
  progress(12_200, W1, 'renaming web-1.next to web-1')
  emit('update:replaced', {...at(12_510), container: W1, order: 'start-first', oldId: 'aaa111', newId: 'bbb111', previous: 'web-1.previous', durationMs: 12_500})
  emit('task:end', {...at(12_510), container: W1, action: 'start', outcome: 'recreated', detail: '(changed: env.VERSION; start-first)', id: 'bbb111', durationMs: 12_510})
  emit('update:replace', {...at(12_520), container: W2, order: 'start-first', oldId: 'aaa222', batch: 2})
  progress(12_520, W2, 'replacing (start-first)')
  const error = failure()
  emit('update:failed', {...at(15_520), container: W2, error, then})
  let suffix: string
  if (then === 'rollback') {
    progress(15_600, W1, 'renaming aaa111 to web-1')
    emit('container:start', {...at(15_700), container: W1, id: 'aaa111'})
    emit('update:rollback', {...at(16_000), service: 'web', trigger: 'failure', reason: REASON, restored: [{container: W1, id: 'aaa111', removedId: 'bbb111'}], failed: []})
    suffix = '; rolled back the update of web (previous containers put back: web-1 (aaa111))'
  } else {
    emit('update:pause', {...at(15_520), service: 'web', reason: REASON, pending: ['web-3'], hint: PAUSE_HINT})
    suffix = '; the update of web paused'
  }
  const played = failure(`${REASON}${suffix}`)
  emit('task:fail', {...at(16_010), container: W2, action: 'start', error: played, durationMs: 16_010})
  emit('task:end', {...at(16_020), container: W3, action: 'start', outcome: 'skipped', detail: HALTED, id: 'aaa333', durationMs: 16_020})
  const stats = {total: 3, succeeded: 2, failed: 1, skipped: 0, durationMs: 16_100, outcomes: {recreated: 1, skipped: 1}}
  emit('play:end', {...at(16_100), command: 'start', containers, stats, error: played, interrupted: false})
}
