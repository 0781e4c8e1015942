import type {Ship} from './types.js'
import type {IssueCollector, Path, Scope} from './issues.js'
import type {CheckRules} from './lifecycle.js'
import {readEnvfile} from './envfile.js'

/** What instance and service normalization share within one pass. */
export interface NormalizeContext {
  readonly sink: IssueCollector
  readonly schema: 1 | 2
  readonly ships: Readonly<Record<string, Ship>>
  readonly rules: CheckRules
  /** Reports envfile problems at the YAML node that names the file. */
  checkEnvfile(s: Scope, file: string, at: Path): void
}

/** Resolves `file` against `baseDir` (POSIX or absolute) without touching the file system. */
export function resolveAgainst(baseDir: string, file: string): string {
  if (file.startsWith('/')) return file
  const parts = [...baseDir.split('/'), ...file.split('/')]
  const out: string[] = []
  for (const p of parts) {
    if (p === '..') out.pop()
    else if (p !== '.' && p !== '') out.push(p)
  }
  return (baseDir.startsWith('/') ? '/' : '') + out.join('/')
}

/** An envfile checker over `read`, reading each file once; without `read`, files are not checked. */
export function envfileChecker(baseDir: string, read?: (p: string) => string): NormalizeContext['checkEnvfile'] {
  const cache = new Map<string, ReturnType<typeof readEnvfile>>()
  return (s, file, at) => {
    if (!read) return
    const full = resolveAgainst(baseDir, file)
    let result = cache.get(full)
    if (!result) {
      result = readEnvfile(full, read)
      cache.set(full, result)
    }
    if (!result.ok) for (const p of result.problems) s.error(at, `envfile ${file}${p.line === undefined ? '' : ` line ${p.line}`}: ${p.message}`)
  }
}
