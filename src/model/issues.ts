import type {ConfigIssue} from '../api/errors.js'
import type {LoadedDocument} from '../api/contracts.js'
import type {SourceLoc} from './types.js'
import {closest} from './did-you-mean.js'
import {MIN_TEMPLATE_SECRET} from '../env/sensitive.js'

export type Path = readonly (string | number)[]

export const dotted = (path: Path): string => path.join('.')

/** Values the template read through `env.` may be secrets: a message quoting one (`got "..."`) names it instead. */
function redactEnvValues(message: string, secrets: readonly string[] | undefined): string {
  const long = (secrets ?? []).filter((v) => v.length >= MIN_TEMPLATE_SECRET).sort((a, b) => b.length - a.length)
  return long.reduce((m, v) => m.split(v).join('(value from env.)'), message)
}

/** Collects every problem of one normalization pass, each located at its YAML node. */
export class IssueCollector {
  readonly issues: ConfigIssue[] = []

  constructor(readonly doc: LoadedDocument) {}

  add(severity: ConfigIssue['severity'], path: Path, text: string, which: 'key' | 'value' = 'value'): void {
    const loc = this.locate(path, which)
    const message = redactEnvValues(text, this.doc.envValuesRead)
    if (this.issues.some((i) => i.message === message && i.path === dotted(path))) return
    const sourceLine = this.doc.templated ? this.doc.line(loc.line) : undefined
    this.issues.push({severity, message, loc, path: dotted(path), ...(sourceLine === undefined ? {} : {sourceLine})})
  }

  /** The node at `path`, or the nearest ancestor that exists (a missing key points at its parent). */
  locate(path: Path, which: 'key' | 'value' = 'value'): SourceLoc {
    for (let n = path.length; n > 0; n--) {
      const sub = path.slice(0, n)
      const loc = n === path.length ? this.doc.locate(sub, which) : (this.doc.locate(sub, 'value') ?? this.doc.locate(sub, 'key'))
      if (loc) return loc
    }
    return this.doc.locate([], 'value') ?? {file: this.doc.file, line: 1, column: 1}
  }

  /** True when the value at `path` carries a YAML anchor (`key: &name ...`). */
  hasAnchor(path: Path): boolean {
    const k = this.doc.locate(path, 'key')
    const v = this.doc.locate(path, 'value')
    if (!k || !v) return false
    const lines = this.doc.rendered.split('\n')
    const between: string[] = []
    for (let l = k.line; l <= v.line; l++) {
      const text = lines[l - 1] ?? ''
      const from = l === k.line ? k.column - 1 : 0
      const to = l === v.line ? v.column + 1 : text.length
      between.push(text.slice(from, to))
    }
    return /(^|[\s:])&[^\s]/.test(between.join('\n'))
  }

  /** The plain scalar text at `path` as written (e.g. `1.40`, which YAML reads as 1.4), if it can be found. */
  rawScalar(path: Path): string | undefined {
    const loc = this.doc.locate(path, 'value')
    const line = loc ? this.doc.rendered.split('\n')[loc.line - 1] : undefined
    return line === undefined || loc === undefined ? undefined : /^[^\s,}\]#]+/.exec(line.slice(loc.column - 1))?.[0]
  }

  get hasErrors(): boolean {
    return this.issues.some((i) => i.severity === 'error')
  }

  scope(path: Path, label: string): Scope {
    return new Scope(this, path, label)
  }
}

/** A named place in the file (an instance, a service, a ship...) that problems are reported against. */
export class Scope {
  constructor(readonly sink: IssueCollector, readonly path: Path, readonly label: string) {}

  get prefix(): string {
    return this.path.length === 0 ? '' : `${dotted(this.path)}: `
  }

  at(...sub: Path): Path {
    return [...this.path, ...sub]
  }

  child(sub: Path, label: string): Scope {
    return new Scope(this.sink, this.at(...sub), label)
  }

  error(sub: Path, text: string, which: 'key' | 'value' = 'value'): void {
    this.sink.add('error', this.at(...sub), this.prefix + text, which)
  }

  warn(sub: Path, text: string, which: 'key' | 'value' = 'key'): void {
    this.sink.add('warning', this.at(...sub), this.prefix + text, which)
  }

  /** Warns about keys outside `known`; `_`-prefixed keys and anchor holders are exempt. */
  checkKeys(raw: Readonly<Record<string, unknown>>, known: ReadonlySet<string>, hint: (key: string) => string = (k) => suggest(k, known)): void {
    for (const key of Object.keys(raw)) {
      if (known.has(key) || key.startsWith('_') || this.sink.hasAnchor(this.at(key))) continue
      const extra = hint?.(key) ?? ''
      this.sink.add('warning', this.at(key), `unknown key '${key}' in ${this.label} (ignored${extra ? `; ${extra}` : ''})`, 'key')
    }
  }
}

/** `did you mean 'x'?` or an empty string. */
export function suggest(word: string, candidates: Iterable<string>): string {
  const c = closest(word, candidates)
  return c === undefined ? '' : `did you mean '${c}'?`
}
