import type {LineCounter, Node} from 'yaml'
import type {LoadedDocument, SourceLoc} from '../../src/api/index.js'
import {NodeFinder} from './locate.js'
import type {ParsedYaml} from './yaml11.js'

export interface DocumentSource {
  readonly file: string
  readonly baseDir: string
  /** The text before templating. */
  readonly source: string
  readonly rendered: string
  readonly templated: boolean
  readonly envValuesRead: readonly string[]
}

/** The loader's result: plain data plus lazy source locations in the rendered text. */
export class YamlDocument implements LoadedDocument {
  readonly file: string
  readonly baseDir: string
  readonly rendered: string
  readonly templated: boolean
  readonly envValuesRead: readonly string[]
  readonly data: unknown
  readonly #source: string
  readonly #parsed: ParsedYaml
  #finder?: NodeFinder
  #lines?: (string | undefined)[]

  constructor(source: DocumentSource, parsed: ParsedYaml) {
    this.file = source.file
    this.baseDir = source.baseDir
    this.rendered = source.rendered
    this.templated = source.templated
    this.envValuesRead = source.envValuesRead
    this.#source = source.source
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

  /**
   * For a templated file, the template's own line when templating kept the line count (so line n is the same
   * line in both); otherwise the rendered line, unless it holds a value read through `env.` (then nothing).
   */
  line(n: number): string | undefined {
    this.#lines ??= quotableLines(this.#source, this.rendered, this.templated, this.envValuesRead)
    return n >= 1 && n <= this.#lines.length ? this.#lines[n - 1] : undefined
  }
}

function quotableLines(source: string, rendered: string, templated: boolean, secrets: readonly string[]): (string | undefined)[] {
  const split = (t: string) => t.split(/\r?\n/)
  const out = split(rendered)
  if (!templated) return out
  const template = split(source.replace(/\r?\n$/, ''))
  if (template.length === out.length) return template
  return out.map((l) => (secrets.some((v) => v.length >= MIN_SECRET_LENGTH && l.includes(v)) ? undefined : l))
}

/** Shorter `env.` values (`1`, `yes`) are too common to hide wherever they appear. */
export const MIN_SECRET_LENGTH = 4

const startOf = (node: Node | null | undefined): number | undefined => node?.range?.[0]

function position(lineCounter: LineCounter, file: string, offset: number): SourceLoc {
  const {line, col} = lineCounter.linePos(offset)
  return {file, line, column: col}
}
