/** The environment file's `audit:` entries, each attached as a notifier of its type (Tokens.Notifier). */
import {userInfo} from 'node:os'
import {configError, describeError, type ConfigIssue} from '../api/errors.js'
import {Tokens} from '../api/tokens.js'
import type {Notifier, NotifierFactory} from '../api/contracts.js'
import type {AuditRule} from '../model/registries.js'
import type {AuditSpec} from '../model/types.js'
import type {LoadedEnvironment} from '../model/load.js'
import type {Kernel} from '../kernel/kernel.js'
import {unknownProvider} from '../kernel/unknown-provider.js'

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

/** The notifier plugins as a load rule: an unknown type at its `type:` value, a `validate()` refusal at the entry. */
export function auditRule(factories: readonly NotifierFactory[]): AuditRule {
  const available = factories.map((f) => f.type)
  return (spec) => {
    const factory = factories.find((f) => f.type === spec.type)
    if (!factory) return [{key: 'type', message: unknownProvider('audit type', `'${spec.type}'`, available)}]
    let problems: readonly string[]
    try {
      problems = factory.validate?.(spec) ?? []
    } catch (e) {
      problems = [describeError(e)]
    }
    return problems.map((message) => ({message: `audit ${spec.type}: ${message}`}))
  }
}

/** Unknown types are config errors located at their `type:` value, all reported at once. */
export function attachNotifiers(kernel: Kernel, {environment, document}: LoadedEnvironment): AttachedNotifier[] {
  if (environment.audit.length === 0) return []
  const factories = kernel.resolveAll(Tokens.Notifier)
  const available = factories.map((f) => f.type)
  const issues: ConfigIssue[] = environment.audit.flatMap((spec, i) => factories.some((f) => f.type === spec.type) ? [] : [{
    severity: 'error' as const, message: unknownProvider('audit type', `'${spec.type}'`, available), loc: document.locate(['audit', i, 'type'], 'value'), path: `audit.${i}.type`,
  }])
  if (issues.length > 0) throw configError(issues)
  return environment.audit.map((spec) => {
    const factory = factories.find((f) => f.type === spec.type)!
    const notifier = factory.create(spec, {environment, log: kernel.loggerFor(`audit:${spec.type}`), user: currentUser()})
    notifier.attach(kernel.events)
    return {spec, notifier}
  })
}
