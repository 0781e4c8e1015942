/** Element-wise differences of two lists (pure): what a changed command, ports or volumes gained and lost. */
import {canonicalJson} from '../plan/canonical.js'
import {shlexSplit} from '../docker/shlex.js'

export interface ListDiff {
  readonly removed: readonly unknown[]
  readonly added: readonly unknown[]
}

/** A command written as a string is compared word by word, as Docker receives it. */
function asList(field: string, v: unknown): unknown[] | undefined {
  if (Array.isArray(v)) return v
  if (v === null || v === undefined) return []
  if (typeof v === 'string' && (field === 'command' || field === 'entrypoint')) {
    try {
      return shlexSplit(v)
    } catch {
      return undefined
    }
  }
  return undefined
}

/**
 * Multiset differences, each side in its own order; undefined when a side is not a list or when only the
 * order changed (then the whole values say more).
 */
export function listDiff(field: string, before: unknown, after: unknown): ListDiff | undefined {
  const b = asList(field, before)
  const a = asList(field, after)
  if (!b || !a || (b.length === 0 && a.length === 0)) return undefined
  const minus = (from: unknown[], other: unknown[]): unknown[] => {
    const left = new Map<string, number>()
    for (const x of other) left.set(canonicalJson(x), (left.get(canonicalJson(x)) ?? 0) + 1)
    return from.filter((x) => {
      const n = left.get(canonicalJson(x)) ?? 0
      if (n > 0) left.set(canonicalJson(x), n - 1)
      return n === 0
    })
  }
  const removed = minus(b, a)
  const added = minus(a, b)
  return removed.length === 0 && added.length === 0 ? undefined : {removed, added}
}

/** One element as the file would say it: a port `http: 0.0.0.0:18080/tcp -> 8080/tcp`, a bind `host:target:mode`. */
export function showElement(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v)
  if (typeof v === 'object' && v !== null && !Array.isArray(v)) {
    const o = v as Record<string, unknown>
    if (typeof o.exposed === 'string' && typeof o.external === 'string') return `${String(o.name)}: ${o.external} -> ${o.exposed}`
    if (typeof o.target === 'string' && 'host' in o) return [o.host, o.target, o.mode].filter((x) => x !== null && x !== undefined).join(':')
  }
  return canonicalJson(v)
}
