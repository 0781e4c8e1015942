import type {CollectionTag, ScalarTag, Tags} from 'yaml'

/**
 * Implicit scalar types exactly as PyYAML's 1.1 resolver (resolver.py) and SafeConstructor read them.
 * They replace the `yaml` package's own 1.1 tags, which differ: those also read `y`/`n` as booleans,
 * `08` and `1e3` as numbers and `0:30` as 30, and turn timestamps into Date objects.
 * PyYAML turns timestamps into `datetime`s; here they stay strings (their Python str() is the same text
 * for plain dates).
 */
const BOOL = /^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/
const INT = /^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$/
const FLOAT =
  /^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9_]+(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/

/** Base-60 digits `1:30:15` → 5415 (PyYAML's sexagesimal ints and floats). */
function sexagesimal(digits: string): number {
  return digits.split(':').reduce((acc, part) => acc * 60 + Number(part), 0)
}

function splitSign(text: string): [number, string] {
  const clean = text.replace(/_/g, '')
  if (clean.startsWith('-')) return [-1, clean.slice(1)]
  if (clean.startsWith('+')) return [1, clean.slice(1)]
  return [1, clean]
}

export function resolvePyInt(text: string): number {
  const [sign, v] = splitSign(text)
  if (v === '0') return 0
  if (v.startsWith('0b')) return sign * parseInt(v.slice(2), 2)
  if (v.startsWith('0x')) return sign * parseInt(v.slice(2), 16)
  if (v.includes(':')) return sign * sexagesimal(v)
  if (v.startsWith('0')) return sign * parseInt(v, 8)
  return sign * parseInt(v, 10)
}

export function resolvePyFloat(text: string): number {
  const [sign, v] = splitSign(text.toLowerCase())
  if (v === '.inf') return sign * Infinity
  if (v === '.nan') return NaN
  if (v.includes(':')) {
    // Summed from the last digit up, in floats, as PyYAML does (the rounding must match).
    let [value, base] = [0, 1]
    for (const digit of v.split(':').reverse()) [value, base] = [value + Number(digit) * base, base * 60]
    return sign * value
  }
  return sign * Number(v.endsWith('.') ? v.slice(0, -1) : v)
}

const scalar = (tag: string, test: RegExp, resolve: (s: string) => unknown): ScalarTag => ({
  identify: () => false,
  default: true,
  tag: `tag:yaml.org,2002:${tag}`,
  test,
  resolve,
})

export const pyBool = scalar('bool', BOOL, (s) => /^(?:yes|true|on)$/i.test(s))
export const pyInt = scalar('int', INT, resolvePyInt)
export const pyFloat = scalar('float', FLOAT, resolvePyFloat)

/** Explicit `!!int "7"`, `!!float "1"`, `!!bool "yes"`: PyYAML's constructors accept any valid number text. */
const explicit = (tag: string, valid: RegExp, resolve: (s: string) => unknown): ScalarTag => ({
  identify: () => false,
  default: false,
  tag: `tag:yaml.org,2002:${tag}`,
  resolve: (text, onError) => {
    if (valid.test(text)) return resolve(text)
    onError(`invalid !!${tag} value: ${JSON.stringify(text)}`)
    return text
  },
})
const ANY_INT = /^[-+]?(?:0b[0-1_]+|0x[0-9a-fA-F_]+|[0-9][0-9_]*(?::[0-5]?[0-9])*)$/
const ANY_FLOAT = /^[-+]?(?:(?:[0-9][0-9_]*)?\.?[0-9_]*(?:[eE][-+]?[0-9]+)?|[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|\.(?:inf|nan))$/i
const ANY_BOOL = /^(?:yes|no|true|false|on|off)$/i
const explicitTags = [
  explicit('bool', ANY_BOOL, (s) => /^(?:yes|true|on)$/i.test(s)),
  explicit('int', ANY_INT, resolvePyInt),
  explicit('float', ANY_FLOAT, resolvePyFloat),
]

const KEEP = new Set(['map', 'seq', 'str', 'null', 'merge'].map((t) => `tag:yaml.org,2002:${t}`))

/** `customTags` for the yaml-1.1 schema: keep its collections, str, null and merge; use PyYAML's scalars. */
export function pyYamlTags(tags: Tags): Tags {
  const kept = tags.filter((t): t is ScalarTag | CollectionTag => typeof t !== 'string' && KEEP.has(t.tag))
  const merge = kept.filter((t) => t.tag === 'tag:yaml.org,2002:merge')
  return [...kept.filter((t) => !merge.includes(t)), pyBool, pyInt, pyFloat, ...merge, ...explicitTags]
}
