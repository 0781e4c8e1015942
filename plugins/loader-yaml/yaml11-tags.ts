import type {CollectionTag, ScalarTag, Tags} from 'yaml'
import {constructFloat, constructInt, constructTimestamp, IMPLICIT_TIMESTAMP, PyValueError} from './pyyaml-construct.js'

/**
 * Implicit scalar types exactly as PyYAML's 1.1 resolver (resolver.py) and SafeConstructor read them.
 * They replace the `yaml` package's own 1.1 tags, which differ: those also read `y`/`n` as booleans,
 * `08` and `1e3` as numbers and `0:30` as 30, and turn timestamps into Date objects.
 * PyYAML turns timestamps into `datetime`s; here they stay their source text (python-scalars.ts renders
 * them in env), but an impossible date is refused as PyYAML refuses it.
 */
const BOOL = /^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/
const INT = /^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$/
const FLOAT =
  /^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/

export const resolvePyInt = (text: string): number => Number(constructInt(text))
export const resolvePyFloat = constructFloat

/** A PyYAML constructor as a tag's resolve: its ValueError becomes a located error (yaml's onError). */
const construct =
  (tag: string, build: (s: string) => unknown) =>
  (text: string, onError: (message: string) => void): unknown => {
    try {
      return build(text)
    } catch (error) {
      if (!(error instanceof PyValueError)) throw error
      onError(`invalid !!${tag} value ${JSON.stringify(text)}: ${error.message}`)
      return text
    }
  }

/** Implicit when `test` is given (plain scalars matching PyYAML's resolver), else only for an explicit `!!tag`. */
const scalar = (tag: string, build: (s: string) => unknown, test?: RegExp): ScalarTag => ({
  identify: () => false,
  default: test !== undefined,
  tag: `tag:yaml.org,2002:${tag}`,
  ...(test && {test}),
  resolve: construct(tag, build),
})

const BOOL_VALUES: Record<string, boolean> = {yes: true, no: false, true: true, false: false, on: true, off: false}
const constructBool = (text: string): boolean => {
  const value = BOOL_VALUES[text.toLowerCase()]
  if (value === undefined) throw new PyValueError(`not a boolean (KeyError: '${text.toLowerCase()}')`)
  return value
}
/** Timestamps stay their source text; constructing them only checks the date is real. */
const checkTimestamp = (text: string): string => (constructTimestamp(text), text)

export const pyBool = scalar('bool', constructBool, BOOL)
export const pyInt = scalar('int', resolvePyInt, INT)
export const pyFloat = scalar('float', resolvePyFloat, FLOAT)
export const pyTimestamp = scalar('timestamp', checkTimestamp, IMPLICIT_TIMESTAMP)

/** Explicit `!!int "7"`, `!!float "1"`, `!!bool "yes"`, `!!timestamp 2001-2-3`: PyYAML's constructors on any text. */
const explicitTags = [
  scalar('bool', constructBool),
  scalar('int', resolvePyInt),
  scalar('float', resolvePyFloat),
  scalar('timestamp', checkTimestamp),
]

const KEEP = new Set(['map', 'seq', 'str', 'null', 'merge'].map((t) => `tag:yaml.org,2002:${t}`))

/** `customTags` for the yaml-1.1 schema: keep its collections, str, null and merge; use PyYAML's scalars. */
export function pyYamlTags(tags: Tags): Tags {
  const kept = tags.filter((t): t is ScalarTag | CollectionTag => typeof t !== 'string' && KEEP.has(t.tag))
  const merge = kept.filter((t) => t.tag === 'tag:yaml.org,2002:merge')
  return [...kept.filter((t) => !merge.includes(t)), pyBool, pyInt, pyFloat, pyTimestamp, ...merge, ...explicitTags]
}
