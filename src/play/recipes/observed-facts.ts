import {assessDrift, type Drift} from '../../plan/drift.js'
import {envSensitivity} from '../../plan/desired.js'
import {linkVarKeys} from '../../env/link-vars.js'
import {recordedConfig} from '../../plan/labels.js'
import type {TaskContext} from '../context.js'
import {compactDuration, statusAge} from '../wait.js'

/** `for 3m2s` from the list call's status text, or undefined. */
export function ageDetail(ctx: TaskContext): string | undefined {
  const age = ctx.observed ? statusAge(ctx.observed.status) : undefined
  return age === undefined ? undefined : `for ${compactDuration(age)}`
}

export function driftOf(ctx: TaskContext): Drift {
  return ctx.observed ? assessDrift(recordedConfig(ctx.observed.labels), ctx.desired(), envSensitivity(ctx.environment, ctx.container.name, ctx.envPairs), linkVarKeys(ctx.environment, ctx.container.service)) : {known: true, changes: []}
}

/** Facts for reporters: `drift` lists changed field names (the console reporter shows them), `changes` the details. */
export function driftData(drift: Drift): Record<string, unknown> {
  return {drift: drift.changes.map((c) => c.field), changes: drift.changes, driftKnown: drift.known}
}
