import {isAlias, isCollection, isMap, isNode, isScalar, isSeq, LineCounter, parseDocument, type Alias, type Document, type Node, type ParsedNode, type YAMLError} from 'yaml'
import {MaestroError} from '../../src/api/index.js'
import {checkAliasExpansion} from './alias-bounds.js'
import {jsKey, keepPythonKeyText, sameNumericKey} from './yaml-keys.js'
import {withKeyOrder} from '../../src/api/index.js'
import {keepPythonEnvText} from './python-scalars.js'
import {pyYamlTags} from './yaml11-tags.js'

export interface ParsedYaml {
  readonly document: Document.Parsed
  readonly lineCounter: LineCounter
  /** Every alias node and the node it refers to. */
  readonly aliases: ReadonlyMap<Alias, Node>
  readonly data: unknown
}

/** The key written at `offset`, e.g. `name` or `"80"`. */
const keyAt = (text: string, offset: number): string =>
  /^(?:"(?:[^"\\\n]|\\.)*"|'(?:[^'\n]|'')*'|[^:,{}[\]\n]*[^\s:,{}[\]])/.exec(text.slice(offset))?.[0] ?? ''

const sameKey = (a: ParsedNode, b: ParsedNode): boolean =>
  a === b || (jsKey(a) !== undefined && jsKey(a) === jsKey(b)) || sameNumericKey(a, b)

/**
 * Parses one YAML document with PyYAML 1.1 semantics (see yaml11-tags.ts) and merge keys. Rejected, as
 * MaestroNG's loader rejects them: duplicate keys (also keys that collide as JS property names, like `80`
 * and `"80"`), collection keys (PyYAML: unhashable key), unknown tags, undefined aliases, and syntax errors.
 * Every error → MAESTRO_CONFIG_YAML `file:line:col: message`.
 */
export function parseYaml11(text: string, file: string): ParsedYaml {
  const lineCounter = new LineCounter()
  const document = parseDocument(text, {
    version: '1.1',
    schema: 'yaml-1.1',
    customTags: pyYamlTags,
    merge: true,
    uniqueKeys: sameKey,
    prettyErrors: false,
    logLevel: 'error',
    lineCounter,
  })
  const fail = (offset: number, message: string): never => {
    const {line, col} = lineCounter.linePos(offset)
    throw new MaestroError('MAESTRO_CONFIG_YAML', `${file}:${line}:${col}: ${message}`, {loc: {file, line, column: col}})
  }
  const firstLine = (message: string) => message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')
  const problem = document.errors[0] ?? document.warnings.find((w) => w.code === 'TAG_RESOLVE_FAILED')
  if (problem?.code === 'DUPLICATE_KEY') fail(problem.pos[0], `duplicate key ${keyAt(text, problem.pos[0])}`)
  if (problem?.code === 'MULTIPLE_DOCS') fail(problem.pos[0], 'expected one YAML document, found several (---)')
  if (problem && /Maximum call stack size exceeded/.test(problem.message)) fail(problem.pos[0], 'the document nests too deeply')
  if (problem) fail(offendingOffset(text, problem, document.errors), firstLine(problem.message))
  const aliases = checkNodes(document.contents, fail)
  checkAliasExpansion(document.contents, aliases, fail)
  keepPythonEnvText(document.contents, aliases)
  keepPythonKeyText(document.contents)
  return {document, lineCounter, aliases, data: plainData(document.toJS({maxAliasCount: -1, mapAsMap: true}))}
}

/** Maps (which keep written key order) → plain objects that remember it (see key-order.ts); shared nodes stay shared. */
function plainData(root: unknown): unknown {
  const done = new Map<unknown, unknown>()
  const plain = (v: unknown): unknown => {
    if (!(v instanceof Map) && !Array.isArray(v)) return v
    if (done.has(v)) return done.get(v)
    if (Array.isArray(v)) {
      const list: unknown[] = []
      done.set(v, list)
      for (const item of v) list.push(plain(item))
      return list
    }
    const out: Record<string, unknown> = {}
    done.set(v, out)
    const keys: string[] = []
    for (const [k, x] of v) {
      const key = k === null ? 'None' : String(k)
      Object.defineProperty(out, key, {value: plain(x), enumerable: true, writable: true, configurable: true})
      keys.push(key)
    }
    return withKeyOrder(out, keys)
  }
  return plain(root)
}

const INDENTATION = new Set(['BAD_INDENT', 'BLOCK_AS_IMPLICIT_KEY', 'MULTILINE_IMPLICIT_KEY'])

/**
 * Where an indentation error is: the first word of the last line its range touches (a mis-indented key),
 * not the end of the value before it, which is where yaml's range starts.
 */
function offendingOffset(text: string, problem: YAMLError, errors: readonly YAMLError[]): number {
  if (!INDENTATION.has(problem.code)) return problem.pos[0]
  const multiline = errors.find((e) => e.code === 'MULTILINE_IMPLICIT_KEY')
  const [start, end] = (problem.code === 'BLOCK_AS_IMPLICIT_KEY' && multiline ? multiline : problem).pos
  let at = Math.max(start, text.lastIndexOf('\n', end - 1) + 1)
  while (at < text.length && /\s/.test(text[at])) at++
  return at < text.length ? at : start
}

/**
 * One pass in document order: resolves every alias to the latest preceding anchor (yaml's
 * Alias.resolve() rescans the whole document each time) and rejects collection keys, also through aliases.
 */
function checkNodes(root: unknown, fail: (offset: number, message: string) => never): Map<Alias, Node> {
  const anchors = new Map<string, Node>()
  const aliases = new Map<Alias, Node>()
  const open = new Set<Node>()
  const isMergeKey = (key: unknown) => isScalar(key) && (key.source === '<<' || key.value === '<<')
  // `<<: *a` inside a's own mapping would merge it into itself without end (PyYAML recurses too).
  const checkMerge = (value: unknown): void => {
    for (const item of isSeq(value) ? value.items : [value]) {
      if (isAlias(item) && open.has(aliases.get(item)!)) fail(item.range?.[0] ?? 0, `merge key <<: *${item.source} merges a mapping into itself`)
    }
  }
  const walk = (node: unknown): void => {
    if (isAlias(node)) {
      const target = anchors.get(node.source)
      if (!target) fail(node.range?.[0] ?? 0, `undefined alias *${node.source}`)
      else aliases.set(node, target)
      return
    }
    if (!isNode(node)) return
    if (node.anchor) anchors.set(node.anchor, node)
    open.add(node)
    if (isMap(node)) {
      for (const pair of node.items) {
        walk(pair.key)
        const key = isAlias(pair.key) ? aliases.get(pair.key) : pair.key
        if (isCollection(key)) fail((pair.key as ParsedNode).range[0], 'unhashable mapping key (a list or mapping used as a key)')
        walk(pair.value)
        if (isMergeKey(pair.key)) checkMerge(pair.value)
      }
    } else if (isSeq(node)) for (const item of node.items) walk(item)
    open.delete(node)
  }
  walk(root)
  return aliases
}
