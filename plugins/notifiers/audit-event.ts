import type {ContainerRef} from '../../src/api/index.js'

export type AuditKind = 'action' | 'success' | 'error'
export type AuditLevel = 'info' | 'debug'

/** One audit notification: play level (INFO) or task level (DEBUG), as upstream's auditors receive them. */
export interface AuditEvent {
  readonly kind: AuditKind
  readonly level: AuditLevel
  readonly scope: 'play' | 'task'
  readonly action: string
  readonly who: string
  readonly containers: readonly ContainerRef[]
  /** The error's message, for `error` events. */
  readonly error?: string
}
