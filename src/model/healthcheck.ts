import type {Healthcheck} from './types.js'
import type {Scope} from './issues.js'
import {isMap, readBool, readInt, readStringList} from './read.js'
import {HEALTHCHECK} from './schema/container-keys.js'

const UNIT_NS: Readonly<Record<string, number>> = {ns: 1, us: 1e3, µs: 1e3, ms: 1e6, s: 1e9, m: 60e9, h: 3600e9}

/** A Go duration as Compose and `docker run --health-*` take it: `30s`, `1m30s`, `1.5s`, `500ms`. Nanoseconds. */
export function parseDuration(text: string): number | undefined {
  const t = text.trim()
  if (t === '0') return 0
  const re = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|ms|s|m|h)/gy
  let total = 0
  let at = 0
  for (let m = re.exec(t); m; m = re.exec(t)) {
    total += Number(m[1]) * UNIT_NS[m[2]]
    at = re.lastIndex
  }
  return at === t.length && at > 0 ? Math.round(total) : undefined
}

const TEST_KINDS = ['NONE', 'CMD', 'CMD-SHELL']

function readTest(s: Scope, raw: unknown): string[] | undefined {
  if (typeof raw === 'string') return ['CMD-SHELL', raw]
  if (!Array.isArray(raw)) {
    s.error(['healthcheck', 'test'], `healthcheck.test must be a shell command or a list starting with CMD, CMD-SHELL or NONE`)
    return undefined
  }
  const test = readStringList(s, ['healthcheck', 'test'], raw)
  if (!TEST_KINDS.includes(test[0] ?? '')) {
    s.error(['healthcheck', 'test'], `healthcheck.test as a list must start with CMD, CMD-SHELL or NONE, got ${JSON.stringify(test[0] ?? null)}`)
    return undefined
  }
  if (test[0] !== 'NONE' && test.length < 2) s.error(['healthcheck', 'test'], `healthcheck.test needs a command after ${test[0]}`)
  return test
}

function readDuration(s: Scope, key: string, raw: unknown): number | undefined {
  if (raw === undefined || raw === null) return undefined
  const ns = typeof raw === 'string' ? parseDuration(raw) : undefined
  if (ns === undefined) s.error(['healthcheck', key], `healthcheck.${key} must be a duration such as 30s, 1m30s or 500ms, got ${JSON.stringify(raw)}`)
  else if (ns !== 0 && ns < 1e6) s.error(['healthcheck', key], `healthcheck.${key} must be at least 1ms`)
  else return ns
  return undefined
}

/** Compose `healthcheck: {test, interval, timeout, retries, start_period, disable}`. */
export function readHealthcheck(s: Scope, raw: unknown): Healthcheck | undefined {
  if (raw === undefined || raw === null) return undefined
  if (!isMap(raw)) {
    s.error(['healthcheck'], `'healthcheck' must be a mapping such as {test: 'wget -q -O- localhost', interval: 5s}`)
    return undefined
  }
  s.child(['healthcheck'], 'healthcheck').checkKeys(raw, new Set(Object.keys(HEALTHCHECK)))
  const disable = readBool(s, ['healthcheck', 'disable'], raw.disable, false)
  if (disable) {
    if (raw.test !== undefined && raw.test !== null && JSON.stringify(raw.test) !== '["NONE"]') s.error(['healthcheck', 'disable'], `healthcheck: 'disable' and 'test' cannot both be set`)
    return {test: ['NONE']}
  }
  if (raw.test === undefined || raw.test === null) {
    s.error(['healthcheck'], `healthcheck needs a 'test' (or 'disable: true')`, 'key')
    return undefined
  }
  const test = readTest(s, raw.test)
  if (!test) return undefined
  const retries = raw.retries === undefined || raw.retries === null ? undefined : readInt(s, ['healthcheck', 'retries'], raw.retries, 0)
  const interval = readDuration(s, 'interval', raw.interval)
  const timeout = readDuration(s, 'timeout', raw.timeout)
  const startPeriod = readDuration(s, 'start_period', raw.start_period)
  return {
    test,
    ...(interval === undefined ? {} : {interval}),
    ...(timeout === undefined ? {} : {timeout}),
    ...(retries === undefined ? {} : {retries}),
    ...(startPeriod === undefined ? {} : {startPeriod}),
  }
}

/** Whether `start` waits for Docker's `healthy`: the file's healthcheck decides, else the image's HEALTHCHECK. */
export const awaitsHealth = (healthcheck: Healthcheck | undefined, imageHasOne: boolean): boolean =>
  healthcheck === undefined ? imageHasOne : healthcheck.test[0] !== 'NONE'
