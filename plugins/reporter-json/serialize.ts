import {isMaestroError, orderedEntries, type ConfigIssue, type EventName, type Environment} from '../../src/api/index.js'

/** The version of the JSON-lines format (docs/reporters.md, schema/events.schema.json). */
export const EVENTS_SCHEMA = 'maestro.events/v1'

type Plain = null | boolean | number | string | Plain[] | {[key: string]: Plain}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

function issue(i: ConfigIssue): Plain {
  return plainObject({severity: i.severity, message: i.message, loc: i.loc, path: i.path, sourceLine: i.sourceLine})
}

/** Errors become `{code, message, loc?, hint?, issues?}`; anything thrown that is not an Error gets code `unknown`. */
export function serializeError(e: unknown): Plain {
  if (isMaestroError(e)) {
    return plainObject({
      code: e.code,
      message: e.message,
      loc: e.loc,
      hint: e.hint,
      issues: e.issues.length > 0 ? e.issues.map(issue) : undefined,
    })
  }
  if (e instanceof Error) {
    const code = (e as {code?: unknown}).code
    return {code: typeof code === 'string' ? code : 'unknown', message: e.message}
  }
  return {code: 'unknown', message: String(e)}
}

const names = (map: Readonly<Record<string, unknown>>): string[] => orderedEntries(map).map(([name]) => name)

/** `config:loaded` carries the whole model; the line keeps a summary (names only). */
function environmentSummary(env: Environment): Plain {
  return {
    name: env.name,
    file: env.file,
    schema: env.schema,
    ships: names(env.ships),
    services: names(env.services),
    containers: names(env.containers),
  }
}

function plainObject(o: Record<string, unknown>): {[key: string]: Plain} {
  const out: {[key: string]: Plain} = {}
  for (const [k, v] of Object.entries(o)) {
    const p = toPlain(v)
    if (p !== undefined) out[k] = p
  }
  return out
}

/** JSON-safe copy: drops undefined and functions, flattens Maps/Sets/Dates, serialises errors. */
export function toPlain(v: unknown, depth = 0): Plain | undefined {
  if (v === undefined || typeof v === 'function' || typeof v === 'symbol') return undefined
  if (v === null || typeof v === 'boolean' || typeof v === 'string') return v
  if (typeof v === 'number') return Number.isFinite(v) ? v : String(v)
  if (typeof v === 'bigint') return v.toString()
  if (depth > 32) return '[too deep]'
  if (v instanceof Error) return serializeError(v)
  if (v instanceof Date) return v.toISOString()
  if (v instanceof Map) return toPlain(Object.fromEntries(v), depth + 1)
  if (v instanceof Set) return toPlain([...v], depth + 1)
  if (Array.isArray(v)) return v.map((x) => toPlain(x, depth + 1) ?? null)
  if (isRecord(v)) {
    const out: {[key: string]: Plain} = {}
    for (const [k, x] of Object.entries(v)) {
      const p = toPlain(x, depth + 1)
      if (p !== undefined) out[k] = p
    }
    return out
  }
  return String(v)
}

const containerRef = (c: unknown): Plain => {
  const r = isRecord(c) ? c : {}
  return {name: String(r.name), service: String(r.service), ship: String(r.ship), image: String(r.image)}
}

/** An entry of `update:rollback`'s `restored` or `failed`: its container as a ref, like a payload's own `container`. */
const withContainerRef = (entry: unknown): Plain => {
  const plain = toPlain(entry)
  return isRecord(entry) && isRecord(plain) ? {...plain, container: containerRef(entry.container)} : (plain ?? null)
}

/** One line's object: `{schema, event, at, ...payload}` with errors and container refs as plain objects. */
export function eventLine(event: EventName, payload: unknown, now: () => number = Date.now): {[key: string]: Plain} {
  const p = isRecord(payload) ? payload : {}
  const out: {[key: string]: Plain} = {schema: EVENTS_SCHEMA, event, at: typeof p.at === 'number' ? p.at : now()}
  for (const [k, v] of Object.entries(p)) {
    if (k === 'at' || k === 'schema') continue
    if (k === 'event') {
      out.listenerEvent = String(v)
      continue
    }
    let value: Plain | undefined
    if (k === 'error') value = v === undefined ? undefined : typeof v === 'string' ? v : serializeError(v)
    else if (k === 'container') value = v === undefined ? undefined : containerRef(v)
    else if (k === 'containers' && Array.isArray(v)) value = v.map(containerRef)
    else if ((k === 'restored' || k === 'failed') && Array.isArray(v)) value = v.map(withContainerRef)
    else if (k === 'environment' && isRecord(v)) value = environmentSummary(v as unknown as Environment)
    else if (k === 'concurrency' && typeof v === 'number' && !Number.isFinite(v)) value = null
    else if (k === 'warnings' && Array.isArray(v)) value = (v as ConfigIssue[]).map(issue)
    else value = toPlain(v)
    if (value !== undefined) out[k] = value
  }
  return out
}
