/**
 * `maestro render`: the parsed file with its secrets masked (src/env/sensitive.ts). An `env` entry of a service or
 * an instance is masked when its name is sensitive or marked `sensitive_env` there (or on its service); any string
 * holding a value the template read through `env.` is masked wherever it appears.
 */
import {MIN_TEMPLATE_SECRET, sensitiveByName} from '../env/sensitive.js'

export const MASK = '********'

type Data = Record<string, unknown>

const isMap = (v: unknown): v is Data => typeof v === 'object' && v !== null && !Array.isArray(v)
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [])

export function maskSecrets(data: unknown, templateSecrets: readonly string[] = []): unknown {
  const secrets = templateSecrets.filter((s) => s.length >= MIN_TEMPLATE_SECRET)
  const copy = maskStrings(data, secrets)
  if (!isMap(copy) || !isMap(copy.services)) return copy
  for (const service of Object.values(copy.services)) {
    if (!isMap(service)) continue
    const marked = strings(service.sensitive_env)
    maskEnv(service, marked)
    if (isMap(service.instances)) for (const instance of Object.values(service.instances)) if (isMap(instance)) maskEnv(instance, [...marked, ...strings(instance.sensitive_env)])
  }
  return copy
}

function maskEnv(owner: Data, marked: readonly string[]): void {
  if (!isMap(owner.env)) return
  for (const key of Object.keys(owner.env)) if (owner.env[key] !== null && (marked.includes(key) || sensitiveByName(key))) owner.env[key] = MASK
}

/** A deep copy, every string holding a template secret replaced by the mask. */
function maskStrings(v: unknown, secrets: readonly string[]): unknown {
  if (typeof v === 'string') return secrets.some((s) => v.includes(s)) ? MASK : v
  if (Array.isArray(v)) return v.map((x) => maskStrings(x, secrets))
  if (isMap(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, maskStrings(x, secrets)]))
  return v
}
