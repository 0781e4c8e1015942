/** The environment file's `audit:` entries, each attached as a notifier of its type (Tokens.Notifier). */
import {userInfo} from 'node:os'
import {MaestroError} from '../api/errors.js'
import {Tokens} from '../api/tokens.js'
import type {Notifier} from '../api/contracts.js'
import type {AuditSpec, Environment} from '../model/types.js'
import type {Kernel} from '../kernel/kernel.js'

export interface AttachedNotifier {
  readonly spec: AuditSpec
  readonly notifier: Notifier
}

export function currentUser(): string {
  try {
    return userInfo().username
  } catch {
    return process.env.USER ?? 'unknown'
  }
}

export function attachNotifiers(kernel: Kernel, environment: Environment): AttachedNotifier[] {
  if (environment.audit.length === 0) return []
  const factories = kernel.resolveAll(Tokens.Notifier)
  return environment.audit.map((spec) => {
    const factory = factories.find((f) => f.type === spec.type)
    if (!factory) {
      const available = factories.map((f) => f.type).join(', ') || 'none'
      throw new MaestroError('MAESTRO_CONFIG_INVALID', `unknown audit type ${spec.type} (available: ${available})`)
    }
    const notifier = factory.create(spec, {environment, log: kernel.loggerFor(`audit:${spec.type}`), user: currentUser()})
    notifier.attach(kernel.events)
    return {spec, notifier}
  })
}
