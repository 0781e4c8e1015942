import type {GpuRequest} from './types.js'
import type {Scope} from './issues.js'
import {isMap, readStringList, readStringMap} from './read.js'
import {GPU_REQUEST} from './schema/container-keys.js'

/** CSV fields as `docker run --gpus` reads them: commas split, double quotes group (`"device=0,1",driver=nvidia`). */
function csvFields(text: string): string[] {
  const out: string[] = []
  let cur = ''
  let quoted = false
  for (const ch of text) {
    if (ch === '"') quoted = !quoted
    else if (ch === ',' && !quoted) {
      out.push(cur)
      cur = ''
    } else cur += ch
  }
  out.push(cur)
  return out.map((f) => f.trim())
}

/** `docker run --gpus`: `all`, a count, or `count=2,capabilities=utility`, `"device=0,1"`, `driver=nvidia`. */
export function parseGpuFlag(value: string | number): GpuRequest | string {
  const text = String(value).trim()
  if (text === 'all') return {count: -1, capabilities: ['gpu']}
  if (/^\d+$/.test(text)) return {count: Number(text), capabilities: ['gpu']}
  let count: number | undefined
  let deviceIds: string[] | undefined
  let driver: string | undefined
  let capabilities: string[] = ['gpu']
  for (const field of csvFields(text)) {
    const eq = field.indexOf('=')
    if (eq < 0) return `invalid gpus field '${field}' (expected all, a number, or key=value: count, device, driver, capabilities)`
    const key = field.slice(0, eq)
    const v = field.slice(eq + 1)
    if (key === 'count') {
      if (v !== 'all' && !/^\d+$/.test(v)) return `gpus count must be a number or all, got '${v}'`
      count = v === 'all' ? -1 : Number(v)
    } else if (key === 'device') deviceIds = v.split(',').map((d) => d.trim()).filter((d) => d !== '')
    else if (key === 'driver') driver = v
    else if (key === 'capabilities') capabilities = v.split(',').map((c) => c.trim()).filter((c) => c !== '')
    else return `unknown gpus option '${key}' (expected count, device, driver, capabilities)`
  }
  if (count !== undefined && deviceIds !== undefined) return `gpus: count and device cannot both be set`
  return {...(driver === undefined ? {} : {driver}), ...(count === undefined ? {} : {count}), ...(deviceIds === undefined ? {} : {deviceIds}), capabilities}
}

function readRequest(s: Scope, i: number, raw: unknown): GpuRequest | undefined {
  if (!isMap(raw)) {
    s.error(['gpus', i], `gpus entries must be mappings {driver, count, device_ids, capabilities, options}`)
    return undefined
  }
  s.child(['gpus', i], 'a gpus request').checkKeys(raw, new Set(Object.keys(GPU_REQUEST)))
  const c = raw.count
  let count: number | undefined
  if (c === 'all') count = -1
  else if (typeof c === 'number' && Number.isInteger(c) && c >= 0) count = c
  else if (c !== undefined && c !== null) s.error(['gpus', i, 'count'], `gpus count must be a non-negative integer or all, got ${JSON.stringify(c)}`)
  const deviceIds = raw.device_ids === undefined || raw.device_ids === null ? undefined : readStringList(s, ['gpus', i, 'device_ids'], raw.device_ids)
  if (count !== undefined && deviceIds !== undefined) s.error(['gpus', i], `gpus: count and device_ids cannot both be set`, 'key')
  const caps = readStringList(s, ['gpus', i, 'capabilities'], raw.capabilities)
  const driver = typeof raw.driver === 'string' ? raw.driver : undefined
  if (raw.driver !== undefined && raw.driver !== null && driver === undefined) s.error(['gpus', i, 'driver'], `gpus driver must be a string`)
  const options = raw.options === undefined || raw.options === null ? undefined : readStringMap(s, ['gpus', i, 'options'], raw.options)
  return {
    ...(driver === undefined ? {} : {driver}),
    ...(count === undefined ? {} : {count}),
    ...(deviceIds === undefined ? {} : {deviceIds}),
    capabilities: caps.length > 0 ? caps : ['gpu'],
    ...(options === undefined ? {} : {options}),
  }
}

/** `gpus`: the `docker run --gpus` value (all, a count, a CSV spec) or a list of Compose-style device requests. */
export function readGpus(s: Scope, raw: unknown): GpuRequest[] | undefined {
  if (raw === undefined || raw === null) return undefined
  if (typeof raw === 'string' || typeof raw === 'number') {
    const r = typeof raw === 'number' && !(Number.isInteger(raw) && raw >= 0) ? `gpus count must be a non-negative integer, got ${raw}` : parseGpuFlag(raw)
    if (typeof r === 'string') s.error(['gpus'], r)
    return typeof r === 'string' ? undefined : [r]
  }
  if (Array.isArray(raw)) return raw.flatMap((r, i) => readRequest(s, i, r) ?? [])
  s.error(['gpus'], `'gpus' must be all, a count, a --gpus value such as "device=0,1", or a list of device requests`)
  return undefined
}
