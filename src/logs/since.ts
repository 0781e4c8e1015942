/** `--since` values as `docker logs` takes them: a duration back from now (`90s`, `10m`, `2h`, `1d`), epoch seconds, or a date. */
import {MaestroError} from '../api/errors.js'

const UNIT_SECONDS: Readonly<Record<string, number>> = {s: 1, m: 60, h: 3600, d: 86400}

/** Epoch seconds (fractional) for the Engine API `since` parameter; `direction` 1 counts a duration forward (`events --until 30s`). */
export function parseSince(value: string, nowMs: number, flag = '--since', direction: -1 | 1 = -1): number {
  const v = value.trim()
  const duration = /^(\d+(?:\.\d+)?)([smhd])$/.exec(v)
  if (duration) return nowMs / 1000 + direction * Number(duration[1]) * UNIT_SECONDS[duration[2]]
  if (/^\d+(?:\.\d+)?$/.test(v)) return Number(v)
  const ms = Date.parse(v)
  if (v !== '' && !Number.isNaN(ms)) return ms / 1000
  throw new MaestroError('MAESTRO_USAGE', `${flag} ${JSON.stringify(value)} is not a duration (10m, 2h), epoch seconds or a date (2026-01-31T12:00:00Z)`)
}
