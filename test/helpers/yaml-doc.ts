import {LineCounter, isMap, isSeq, parseDocument, type Node} from 'yaml'
import type {LoadedDocument} from '../../src/api/contracts.js'

/** A LoadedDocument over the `yaml` package (YAML 1.1, merge keys), for unit tests of the model. */
export function yamlDocument(text: string, file = '/env/maestro.yaml', baseDir = '/env'): LoadedDocument {
  const lineCounter = new LineCounter()
  const doc = parseDocument(text, {version: '1.1', merge: true, uniqueKeys: true, lineCounter})
  if (doc.errors.length > 0) throw new Error(doc.errors.map((e) => e.message).join('\n'))
  const lines = text.split('\n')
  const at = (offset: number) => {
    const p = lineCounter.linePos(offset)
    return {file, line: p.line, column: p.col}
  }
  return {
    file,
    baseDir,
    rendered: text,
    templated: false,
    data: doc.toJS({maxAliasCount: -1}),
    locate(path, which = 'value') {
      let node: unknown = doc.contents
      let keyNode: unknown
      for (const part of path) {
        if (isMap(node)) {
          const pair = node.items.find((p) => String((p.key as {value?: unknown})?.value ?? p.key) === String(part))
          if (!pair) return undefined
          keyNode = pair.key
          node = pair.value
        } else if (isSeq(node) && typeof part === 'number') {
          keyNode = undefined
          node = node.items[part]
        } else return undefined
      }
      const target = (which === 'key' && keyNode ? keyNode : node ?? keyNode) as Node | undefined
      return target?.range ? at(target.range[0]) : undefined
    },
    line: (n) => lines[n - 1],
  }
}
