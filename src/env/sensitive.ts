/**
 * Which env variables of a container are secrets: never shown in plans, reporters, notifiers or errors
 * (docs/configuration.md, "Sensitive values"). Their values still reach the container itself.
 */
import type {Environment} from '../model/types.js'


/** A name containing one of these words (any case) is sensitive. */
export const SENSITIVE_NAME = /PASSWORD|PASSWD|SECRET|TOKEN|KEY|CREDENTIAL|AUTH|PRIVATE/i

/** `env.` values shorter than this (`1`, `yes`, `dev`) are too common to mark every variable holding them. */
export const MIN_TEMPLATE_SECRET = 4

export type IsSensitive = (key: string) => boolean

export const sensitiveByName: IsSensitive = (key) => SENSITIVE_NAME.test(key)

/**
 * Sensitive keys of one container's computed env: by name, marked `sensitive_env`, read from an envfile
 * (`envfileKeys`), or holding a value the template read through `env.`.
 */
export function sensitiveEnvKeys(environment: Environment, name: string, pairs: readonly (readonly [string, string | null])[], envfileKeys: Iterable<string> = []): Set<string> {
  const marked = new Set([...(environment.containers[name]?.sensitiveEnv ?? []), ...envfileKeys])
  const secrets = (environment.templateEnvValues ?? []).filter((v) => v.length >= MIN_TEMPLATE_SECRET)
  return new Set(pairs.filter(([k, v]) => marked.has(k) || sensitiveByName(k) || (v !== null && secrets.some((s) => v.includes(s)))).map(([k]) => k))
}


