import type {LineCounter, Node} from 'yaml'
import type {LoadedDocument, SourceLoc} from '../../src/api/index.js'
import {NodeFinder} from './locate.js'
import type {ParsedYaml} from './yaml11.js'

export interface DocumentSource {
  readonly file: string
  readonly baseDir: string
  readonly rendered: string
  readonly templated: boolean
}

/** The loader's result: plain data plus lazy source locations in the rendered text. */
export class YamlDocument implements LoadedDocument {
  readonly file: string
  readonly baseDir: string
  readonly rendered: string
  readonly templated: boolean
  readonly data: unknown
  readonly #parsed: ParsedYaml
  #finder?: NodeFinder
  #lines?: string[]

  constructor(source: DocumentSource, parsed: ParsedYaml) {
    this.file = source.file
    this.baseDir = source.baseDir
    this.rendered = source.rendered
    this.templated = source.templated
    this.data = parsed.data
    this.#parsed = parsed
  }

  locate(path: readonly (string | number)[], which: 'key' | 'value' = 'value'): SourceLoc | undefined {
    this.#finder ??= new NodeFinder(this.#parsed.document, this.#parsed.aliases)
    const found = this.#finder.find(path)
    if (!found) return undefined
    const node = which === 'key' ? (found.key ?? found.value) : (found.value ?? found.key)
    const offset = startOf(node) ?? startOf(found.key)
    if (offset === undefined) return undefined
    return position(this.#parsed.lineCounter, this.file, offset)
  }

  line(n: number): string | undefined {
    this.#lines ??= this.rendered.split(/\r?\n/)
    return n >= 1 && n <= this.#lines.length ? this.#lines[n - 1] : undefined
  }
}

const startOf = (node: Node | null | undefined): number | undefined => node?.range?.[0]

function position(lineCounter: LineCounter, file: string, offset: number): SourceLoc {
  const {line, col} = lineCounter.linePos(offset)
  return {file, line, column: col}
}
