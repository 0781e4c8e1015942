import {isAlias, isCollection, LineCounter, parseDocument, visit, type Document, type ParsedNode} from 'yaml'
import {MaestroError} from '../../src/api/index.js'
import {jsKey} from './yaml-keys.js'
import {pyYamlTags} from './yaml11-tags.js'

export interface ParsedYaml {
  readonly document: Document.Parsed
  readonly lineCounter: LineCounter
  readonly data: unknown
}

/** The key written at `offset`, e.g. `name` or `"80"`. */
const keyAt = (text: string, offset: number): string =>
  /^(?:"(?:[^"\\\n]|\\.)*"|'(?:[^'\n]|'')*'|[^:,{}[\]\n]*[^\s:,{}[\]])/.exec(text.slice(offset))?.[0] ?? ''

const sameKey = (a: ParsedNode, b: ParsedNode): boolean => a === b || (jsKey(a) !== undefined && jsKey(a) === jsKey(b))

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
  if (problem) fail(problem.pos[0], firstLine(problem.message))
  visit(document, {
    Alias(_, node) {
      if (!node.resolve(document)) fail(node.range?.[0] ?? 0, `undefined alias *${node.source}`)
    },
    Pair(_, pair) {
      if (isCollection(pair.key) || isAlias(pair.key)) fail((pair.key as ParsedNode).range[0], 'unhashable mapping key (a list or mapping used as a key)')
    },
  })
  return {document, lineCounter, data: document.toJS({maxAliasCount: -1})}
}
