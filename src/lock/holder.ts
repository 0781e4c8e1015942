/**
 * The deploy lock's marker and what it says about its holder (docs/orchestration.md "Deploy lock"). The marker is a
 * container created, never started, on the lock ship: `POST /containers/create` reserves the name atomically
 * (a second create of the same name gets 409 Conflict, dockerd 20.10 included), unlike a named volume (create is
 * idempotent) or a network (CheckDuplicate is best-effort). It carries no `io.maestro.environment` label, so it
 * is never taken for a container of the environment (orphans, status).
 */
import {hostname} from 'node:os'
import {MaestroError, ExitCode} from '../api/errors.js'
import type {Environment} from '../model/types.js'
import type {LockHolderInfo} from '../api/events.js'
import {compactDuration} from '../play/wait.js'

export const LOCK_LABEL = {
  environment: 'io.maestro.lock',
  user: 'io.maestro.lock.user',
  host: 'io.maestro.lock.host',
  pid: 'io.maestro.lock.pid',
  since: 'io.maestro.lock.since',
  command: 'io.maestro.lock.command',
  token: 'io.maestro.lock.token',
} as const

/** A lock older than this is shown as stale whoever holds it (a deploy is not expected to last 6 hours). */
export const STALE_AFTER_MS = 6 * 3600_000

/** `since` is the holder's clock; `token` is unique per acquisition (release removes only its own marker). */
export type LockHolder = LockHolderInfo

/** The marker's container name: `maestro-lock-<environment>`, with characters Docker refuses replaced. */
export function lockName(environment: string): string {
  return `maestro-lock-${environment.replace(/[^a-zA-Z0-9_.-]/g, '-')}`
}

/** The ship holding the lock: the first ship of the file that the file places a container on (else the first ship). */
export function lockShip(environment: Environment): string | undefined {
  const used = new Set(Object.values(environment.containers).map((c) => c.ship))
  const ships = Object.keys(environment.ships)
  return ships.find((s) => used.has(s)) ?? ships[0]
}

export function holderLabels(environment: string, h: LockHolder): Record<string, string> {
  return {
    [LOCK_LABEL.environment]: environment,
    [LOCK_LABEL.user]: h.user,
    [LOCK_LABEL.host]: h.host,
    [LOCK_LABEL.pid]: String(h.pid),
    [LOCK_LABEL.since]: new Date(h.since).toISOString(),
    [LOCK_LABEL.command]: h.command,
    [LOCK_LABEL.token]: h.token,
  }
}

/** The holder a marker's labels name; missing or unreadable fields read as `unknown` / 0. */
export function readHolder(labels: Readonly<Record<string, string>> | undefined): LockHolder {
  const l = labels ?? {}
  const since = Date.parse(l[LOCK_LABEL.since] ?? '')
  const pid = Number(l[LOCK_LABEL.pid])
  return {
    user: l[LOCK_LABEL.user] || 'unknown',
    host: l[LOCK_LABEL.host] || 'unknown',
    pid: Number.isInteger(pid) && pid > 0 ? pid : 0,
    since: Number.isFinite(since) ? since : 0,
    command: l[LOCK_LABEL.command] || 'unknown',
    token: l[LOCK_LABEL.token] ?? '',
  }
}

export interface Here {
  readonly host: string
  readonly now: number
  /** Whether a process of this host is alive. */
  alive(pid: number): boolean
}

/** This host, to judge staleness. */
export function here(): Here {
  return {
    host: hostname(),
    now: Date.now(),
    alive: (pid) => {
      try {
        process.kill(pid, 0)
        return true
      } catch (e) {
        return (e as NodeJS.ErrnoException).code === 'EPERM'
      }
    },
  }
}

/** Its holder ran on this host and its process is gone: no run can still be changing containers under it. */
export function holderIsDead(h: LockHolder, here: Here): boolean {
  return h.host === here.host && h.pid > 0 && h.pid !== process.pid && !here.alive(h.pid)
}

/** Why the lock looks abandoned (its holder on this host is dead, or it is too old), or undefined. */
export function staleness(h: LockHolder, here: Here): string | undefined {
  if (holderIsDead(h, here)) return `pid ${h.pid} is not running on ${h.host}`
  if (here.now - h.since > STALE_AFTER_MS) return `older than ${compactDuration(STALE_AFTER_MS / 1000)}`
  return undefined
}

/** `alice@build-7 pid 4242, maestro start, 3m12s ago` (and why it is stale). */
export function describeHolder(h: LockHolder, here: Here): string {
  const age = h.since > 0 ? `${compactDuration((here.now - h.since) / 1000)} ago` : 'at an unknown time'
  const stale = staleness(h, here)
  return `${h.user}@${h.host} pid ${h.pid}, maestro ${h.command}, ${age}${stale ? ` (stale: ${stale})` : ''}`
}

/** The one-line refusal: who holds the lock and how to act on it. */
export function lockedError(environment: string, ship: string, h: LockHolder, here: Here, waitedSeconds: number): MaestroError {
  const stale = staleness(h, here) !== undefined
  const waited = waitedSeconds > 0 ? ` (waited ${waitedSeconds} s)` : ''
  const hint = stale
    ? `the holder looks gone: check, then remove it with maestro lock release (the container ${lockName(environment)} on ship ${ship})`
    : 'wait with --lock-timeout SECONDS'
  return new MaestroError('MAESTRO_LOCKED', `environment ${environment} is locked on ship ${ship} by ${describeHolder(h, here)}${waited}`, {hint, exit: ExitCode.LOCKED})
}

/** What `maestro lock status` found on the lock ship. */
export interface LockState {
  readonly environment: string
  readonly ship: string
  /** Absent when the environment is not locked. */
  readonly holder?: LockHolder
}

/** The line `maestro lock status` prints: free, or who holds the lock, its age, and whether it is stale. */
export function describeLockState(s: LockState, here: Here): string {
  if (!s.holder) return `environment ${s.environment} is not locked (ship ${s.ship}, no ${lockName(s.environment)} container)`
  const stale = staleness(s.holder, here) !== undefined
  const hint = stale ? `; remove it with: maestro lock release` : ''
  return `environment ${s.environment} is locked on ship ${s.ship} by ${describeHolder(s.holder, here)}${hint}`
}
