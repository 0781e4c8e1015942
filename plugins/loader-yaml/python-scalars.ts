import {isAlias, isMap, isPair, isScalar, isSeq, type Alias, type Node, type Scalar} from 'yaml'
import {pythonFloatRepr} from '../../src/api/index.js'
import {constructInt, constructTimestamp, IMPLICIT_TIMESTAMP} from './pyyaml-construct.js'

/**
 * Python `str()` of what PyYAML's SafeConstructor builds from a scalar, where a JS value cannot carry it:
 * ints beyond 2^53 (Python ints are unbounded), floats (`1.0` stays `1.0`, `1e+16`) and timestamps
 * (`2001-12-14 21:59:43.100000-05:00`). Undefined when the JS value already renders the same.
 */
const INT_TAG = 'tag:yaml.org,2002:int'
const FLOAT_TAG = 'tag:yaml.org,2002:float'
const TIMESTAMP_TAG = 'tag:yaml.org,2002:timestamp'
const IMPLICIT_INT = /^[-+]?(?:0b[0-1_]+|0[0-7_]+|0|[1-9][0-9_]*|0x[0-9a-fA-F_]+|[1-9][0-9_]*(?::[0-5]?[0-9])+)$/

export function pythonScalarText(node: Scalar): string | undefined {
  const {value, source, tag} = node
  if (typeof value === 'number') {
    const isInt = tag === INT_TAG || (tag !== FLOAT_TAG && typeof source === 'string' && IMPLICIT_INT.test(source))
    if (isInt) return Number.isSafeInteger(value) ? undefined : constructInt(String(source)).toString()
    return pythonFloatRepr(value)
  }
  if (typeof value !== 'string') return undefined
  const implicit = node.type === 'PLAIN' && tag === undefined && IMPLICIT_TIMESTAMP.test(value)
  return implicit || tag === TIMESTAMP_TAG ? constructTimestamp(value) : undefined
}

/**
 * Maps whose values reach containers and Docker as text: `env`, and `labels`, `log_opt`, `lxc_conf` and
 * `sysctls` (Docker takes only strings there: upstream sends the number and the daemon refuses it).
 */
const STRING_VALUED = new Set(['env', 'labels', 'log_opt', 'lxc_conf', 'sysctls'])
/** Maps whose keys are names of ships, services or instances. */
const NAMED = new Set(['ships', 'services', 'instances'])
const isRenderable = (node: unknown): boolean => isMap(node) || isSeq(node) || isAlias(node)

/**
 * Replaces, inside every STRING_VALUED mapping (through aliases and merge keys), each scalar whose Python str()
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
  // `names`: the keys of this map are names the file chose (a service called `labels`), never option keys.
  const find = (node: unknown, names = false): void => {
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = isPair(pair) && isScalar(pair.key) ? pair.key.value : undefined
        if (!names && STRING_VALUED.has(key as string) && isRenderable(pair.value)) render(pair.value)
        else find(pair.value, !names && NAMED.has(key as string))
      }
    } else if (isSeq(node)) node.items.forEach((item) => find(item))
  }
  find(root)
}
