/** Taking the deploy lock (waiting up to --lock-timeout) and releasing it, with the lock:* events. */
import type {DockerClient} from '../api/docker.js'
import type {EventName, EventPayload} from '../api/events.js'
import type {Environment} from '../model/types.js'
import {here, holderIsDead, lockedError, staleness, type LockHolder} from './holder.js'
import {me, removeMarker, tryCreate} from './marker.js'

type Emit = <E extends EventName>(event: E, payload: EventPayload<E>) => void

export interface AcquireOptions {
  readonly client: DockerClient
  readonly environment: Environment
  readonly ship: string
  readonly command: string
  /** Seconds to wait for the holder to release (0: fail at once). */
  readonly timeoutSeconds?: number
  readonly signal?: AbortSignal
  readonly emit: Emit
}

/** Pause between attempts while waiting: a lock is released by a remove, retried a few times a second at most. */
const RETRY_MS = 500

export interface HeldLock {
  readonly environment: string
  readonly ship: string
  readonly holder: LockHolder
  release(): Promise<void>
}

function pause(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason)
    const onAbort = () => (clearTimeout(t), reject(signal!.reason))
    const t = setTimeout(() => (signal?.removeEventListener('abort', onAbort), resolve()), ms)
    signal?.addEventListener('abort', onAbort, {once: true})
  })
}

/**
 * Takes the lock, or throws MAESTRO_LOCKED (exit 5) naming the holder once `timeoutSeconds` passed. A lock whose
 * holder ran on this host and is no longer running (killed, or its lock ship was unreachable when it ended) is taken
 * over, said with a forced `lock:released`; any other stale lock (too old, another host) is refused, reported as stale.
 */
export async function acquireLock(o: AcquireOptions): Promise<HeldLock> {
  const {client, environment, ship, emit} = o
  const env = environment.name
  const t0 = Date.now()
  const deadline = t0 + (o.timeoutSeconds ?? 0) * 1000
  const holder = me(o.command)
  let waiting = false
  for (;;) {
    const got = await tryCreate(client, environment, ship, {...holder, since: Date.now()})
    if (!('heldBy' in got)) {
      emit('lock:acquired', {environment: env, ship, holder: got.holder, waitedMs: Date.now() - t0, at: Date.now()})
      return {environment: env, ship, holder: got.holder, release: () => releaseLock(client, env, ship, got.holder, emit)}
    }
    const h = here()
    if (holderIsDead(got.heldBy.holder, h)) {
      const removed = await removeMarker(client, env, got.heldBy.holder.token)
      if (removed) emit('lock:released', {environment: env, ship, holder: removed.holder, forced: true, at: Date.now()})
      continue
    }
    const stale = staleness(got.heldBy.holder, h)
    if (Date.now() >= deadline) {
      const error = lockedError(env, ship, got.heldBy.holder, h, o.timeoutSeconds ?? 0)
      emit('lock:refused', {environment: env, ship, holder: got.heldBy.holder, stale, error, at: Date.now()})
      throw error
    }
    if (!waiting) emit('lock:waiting', {environment: env, ship, holder: got.heldBy.holder, stale, timeoutSeconds: o.timeoutSeconds ?? 0, at: Date.now()})
    waiting = true
    await pause(Math.min(RETRY_MS, Math.max(1, deadline - Date.now())), o.signal)
  }
}

async function releaseLock(client: DockerClient, environment: string, ship: string, holder: LockHolder, emit: Emit): Promise<void> {
  const removed = await removeMarker(client, environment, holder.token)
  if (removed) emit('lock:released', {environment, ship, holder, at: Date.now()})
}
