import {sensitiveByName, type IsSensitive} from '../env/sensitive.js'
import type {Json} from './canonical.js'
import {diffConfig, type ConfigChange} from './diff.js'
import type {EffectiveConfig} from './effective-config.js'
import {configDigest, labelConfig, LINK_VARIABLES, saltedConfigDigest, type RecordedConfig} from './labels.js'

export interface Drift {
  /** False when the container carries no Maestro labels (created by something else): nothing can be said. */
  readonly known: boolean
  readonly changes: readonly ConfigChange[]
}

/**
 * Compares what a container was created from with what the file asks for now. Env changes never carry a
 * value from the labels: a sensitive one says only that it changed, another its new value (the old one is
 * the container's own, see `withCurrentEnv`).
 */
export function assessDrift(recorded: RecordedConfig | undefined, desired: EffectiveConfig, isSensitive: IsSensitive = sensitiveByName, linkKeys: ReadonlySet<string> = new Set()): Drift {
  if (!recorded) return {known: false, changes: []}
  const salt = recorded.salt
  if (recorded.hash === (salt === undefined ? configDigest(desired) : saltedConfigDigest(desired, salt))) return {known: true, changes: []}
  if (!recorded.config) return {known: true, changes: [{field: 'config'}]}
  const labelled = salt === undefined ? desired : labelConfig(desired, salt, recorded.version === '2' ? undefined : linkKeys)
  const changes = diffConfig(recorded.config, labelled)
  const now = new Map((Array.isArray(desired.env) ? (desired.env as Json[][]) : []).map((p) => [String(p[0]), p[1]]))
  return {known: true, changes: changes.map((c) => (c.field === LINKS_FIELD ? linksChange() : c.field.startsWith('env.') ? envChange(c, now, isSensitive) : c))}
}

const LINKS_FIELD = `env.${LINK_VARIABLES}`

/**
 * Labels v3 hold one digest for all link variables: which of them changed is known only against the container's
 * own env (`withCurrentEnv` expands this change key by key).
 */
const linksChange = (): ConfigChange => ({field: LINKS_FIELD, beforeUnknown: true, summary: 'changed (one digest for all; the old values are not recorded)'})

function envChange(c: ConfigChange, now: ReadonlyMap<string, unknown>, isSensitive: IsSensitive): ConfigChange {
  const key = c.field.slice('env.'.length)
  if (isSensitive(key)) return {field: c.field, sensitive: true}
  const before = c.before === undefined ? {before: undefined} : {beforeUnknown: true as const}
  return {field: c.field, ...before, after: now.get(key)}
}
