import {LIFECYCLE_STATES, type CheckSpec, type Lifecycle, type LifecycleState} from './types.js'
import type {Scope} from './issues.js'
import {didYouMean} from './did-you-mean.js'
import {isMap, readMap} from './read.js'

export interface CheckRules {
  /** Known check types; when given, other types are errors. */
  readonly checkTypes?: readonly string[]
  /** Extra per-check validation (e.g. a check plugin's `validate`). */
  readonly validateCheck?: (spec: CheckSpec) => readonly string[]
}

type MutableLifecycle = Partial<Record<LifecycleState, CheckSpec[]>>

/** Reads `{state: [checks]}`, reporting unknown states, malformed checks and unknown types. */
export function parseLifecycle(s: Scope, raw: unknown, rules: CheckRules): MutableLifecycle {
  const out: MutableLifecycle = {}
  for (const [state, checks] of Object.entries(readMap(s, ['lifecycle'], raw))) {
    if (!(LIFECYCLE_STATES as readonly string[]).includes(state)) {
      s.error(['lifecycle', state], `unknown lifecycle state '${state}'${didYouMean(state, LIFECYCLE_STATES)} (expected one of ${LIFECYCLE_STATES.join(', ')})`, 'key')
      continue
    }
    const list = checks === null || checks === undefined ? [] : Array.isArray(checks) ? checks : undefined
    if (list === undefined) {
      s.error(['lifecycle', state], `lifecycle.${state} must be a list of checks`)
      continue
    }
    const valid: CheckSpec[] = []
    list.forEach((check, i) => {
      const at = ['lifecycle', state, i]
      if (!isMap(check) || typeof check.type !== 'string') {
        s.error(at, `lifecycle.${state}[${i}] must be a mapping with a 'type'`)
        return
      }
      const spec = check as CheckSpec
      if (rules.checkTypes && !rules.checkTypes.includes(spec.type)) {
        s.error([...at, 'type'], `unknown lifecycle check type '${spec.type}'${didYouMean(spec.type, rules.checkTypes)} (known: ${rules.checkTypes.join(', ')})`)
        return
      }
      const problems = rules.validateCheck?.(spec) ?? []
      for (const p of problems) s.error(at, `lifecycle.${state}[${i}] (${spec.type}): ${p}`)
      if (problems.length === 0) valid.push(spec)
    })
    out[state as LifecycleState] = valid
  }
  return out
}

/** Service checks then instance checks, per state, in fresh arrays (no sharing between instances). */
export function mergeLifecycle(service: MutableLifecycle, instance: MutableLifecycle): Lifecycle {
  const out: MutableLifecycle = {}
  for (const state of LIFECYCLE_STATES) {
    const merged = [...(service[state] ?? []), ...(instance[state] ?? [])].map((c) => ({...c}))
    if (state in service || state in instance) out[state] = merged
  }
  return out
}
