import {isAlias, isMap, isPair, isScalar, isSeq, type Alias, type Node, type Scalar} from 'yaml'
import {pythonFloatRepr} from '../../src/api/index.js'

/**
 * Python `str()` of what PyYAML's SafeConstructor builds from a scalar, where a JS value cannot carry it:
 * ints beyond 2^53 (Python ints are unbounded), floats (`1.0` stays `1.0`, `1e+16`) and timestamps
 * (`2001-12-14 21:59:43.100000-05:00`). Undefined when the JS value already renders the same.
 */
const TIMESTAMP =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[Tt]|[ \t]+)(\d{1,2}):(\d\d):(\d\d)(?:\.(\d*))?(?:[ \t]*(Z|([-+])(\d{1,2})(?::(\d\d))?))?$/
const INT_TAG = 'tag:yaml.org,2002:int'
const FLOAT_TAG = 'tag:yaml.org,2002:float'
const IMPLICIT_INT = /^[-+]?(?:0b[0-1_]+|0[0-7_]+|0|[1-9][0-9_]*|0x[0-9a-fA-F_]+|[1-9][0-9_]*(?::[0-5]?[0-9])+)$/

const two = (n: number | string): string => String(n).padStart(2, '0')

/** PyYAML construct_yaml_int, in BigInt. */
export function pythonIntText(text: string): string {
  let v = text.replace(/_/g, '')
  let sign = 1n
  if (v.startsWith('-')) [sign, v] = [-1n, v.slice(1)]
  else if (v.startsWith('+')) v = v.slice(1)
  let n: bigint
  if (v === '0') n = 0n
  else if (v.startsWith('0b') || v.startsWith('0x')) n = BigInt(v)
  else if (v.includes(':')) n = v.split(':').reduce((acc, part) => acc * 60n + BigInt(part), 0n)
  else if (v.startsWith('0')) n = BigInt(`0o${v.slice(1)}`)
  else n = BigInt(v)
  return (sign * n).toString()
}

/** PyYAML construct_yaml_timestamp then Python's str(datetime). */
export function pythonTimestampText(text: string): string | undefined {
  const m = TIMESTAMP.exec(text)
  if (!m) return undefined
  const [, y, mo, d, h, mi, s, fraction, tz, tzSign, tzHour, tzMinute] = m
  const micros = (fraction ?? '').slice(0, 6).padEnd(6, '0')
  let out = `${y}-${two(mo)}-${two(d)} ${two(h)}:${mi}:${s}${Number(micros) ? `.${micros}` : ''}`
  if (tzSign) {
    const minutes = Number(tzHour) * 60 + Number(tzMinute ?? 0)
    out += `${minutes && tzSign === '-' ? '-' : '+'}${two(Math.floor(minutes / 60))}:${two(minutes % 60)}`
  } else if (tz) out += '+00:00'
  return out
}

export function pythonScalarText(node: Scalar): string | undefined {
  const {value, source, tag} = node
  if (typeof value === 'number') {
    const isInt = tag === INT_TAG || (tag !== FLOAT_TAG && typeof source === 'string' && IMPLICIT_INT.test(source))
    if (isInt) return Number.isSafeInteger(value) ? undefined : pythonIntText(String(source))
    return pythonFloatRepr(value)
  }
  if (typeof value === 'string' && node.type === 'PLAIN' && tag === undefined) return pythonTimestampText(value)
  return undefined
}

/**
 * Replaces, inside every `env` mapping (through aliases and merge keys), each scalar whose Python str()
 * a JS value cannot carry with that text, so the env contract is byte-identical to MaestroNG's.
 */
export function keepPythonEnvText(root: unknown, aliases: ReadonlyMap<Alias, Node>): void {
  const seen = new Set<Node>()
  const render = (node: unknown): void => {
    const target = isAlias(node) ? aliases.get(node) : node
    if (!target || seen.has(target as Node)) return
    seen.add(target as Node)
    if (isScalar(target)) {
      const text = pythonScalarText(target)
      if (text !== undefined) target.value = text
    } else if (isSeq(target)) target.items.forEach(render)
    else if (isMap(target)) for (const pair of target.items) render(pair.value)
  }
  const find = (node: unknown): void => {
    if (isMap(node)) {
      for (const pair of node.items) {
        if (isPair(pair) && isScalar(pair.key) && pair.key.value === 'env' && (isMap(pair.value) || isAlias(pair.value))) render(pair.value)
        else find(pair.value)
      }
    } else if (isSeq(node)) node.items.forEach(find)
  }
  find(root)
}
