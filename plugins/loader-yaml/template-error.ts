import {MaestroError} from '../../src/api/index.js'

const FRAME = /\(([^()\n]+)\)(?: \[Line (\d+), Column (\d+)\])?/g

/**
 * nunjucks nests messages as `(outer path)\n  Template render error: (inner path) [Line l, Column c]\n  reason`.
 * Keep the innermost located frame and the reason: `file:line:col: template error: reason`.
 * Parser errors carry 1-based positions; runtime errors wrap a JS error (`Error: ...`) and carry the
 * compiled code's 0-based positions.
 */
export function templateError(e: unknown, file: string, source = ''): MaestroError {
  const raw = e instanceof Error ? e.message : String(e)
  const lines = raw.split('\n').map((l) => l.trim())
  const reasonLines = lines.filter((l) => l !== '' && !l.startsWith('(') && !l.startsWith('Template render error:'))
  const reason = plainReason((reasonLines.join(' ') || raw).replace(/^Error: /, ''))
  const runtime = reasonLines.length > 0 && /^\w*Error: /.test(reasonLines[0])
  let at = file
  let line = 0
  let column = 0
  for (const m of raw.matchAll(FRAME)) {
    if (m[1] !== 'unknown path' && !m[2]) at = m[1]
    if (m[2]) {
      at = m[1] === 'unknown path' ? at : m[1]
      line = Number(m[2]) + (runtime ? 1 : 0)
      column = Number(m[3]) + (runtime ? 1 : 0)
    }
  }
  const {lineno, colno} = (e ?? {}) as {lineno?: unknown; colno?: unknown}
  // nunjucks omits `[Line 1, ...]` when the 0-based line is 0; the error object still has it (0:0 means unknown).
  if (line === 0 && runtime && typeof lineno === 'number' && typeof colno === 'number' && colno > 0) [line, column] = [lineno + 1, colno + 1]
  // An include loop is the top file's doing: point at its first include, not deep inside the loop.
  if (/include each other/.test(reason)) [at, line] = [file, 0]
  if (line === 0 && at === file) [line, column] = guessPosition(source, reason)
  const loc = line > 0 ? {file: at, line, column: Math.max(column, 1)} : undefined
  const prefix = loc ? `${loc.file}:${loc.line}:${loc.column}` : at
  return new MaestroError('MAESTRO_CONFIG_TEMPLATE', `${prefix}: template error: ${reason}`, {loc, cause: e})
}

const plainReason = (reason: string): string =>
  /Maximum call stack size exceeded/.test(reason) ? 'recursion too deep: a macro that calls itself without end?' : reason

/**
 * Errors nunjucks reports without a position: a missing, outside or looping template (point at the first tag
 * naming it), a refused member or attribute assignment (its first use), an unknown filter (its first use), and an unclosed block (the
 * end of the file).
 */
function guessPosition(source: string, reason: string): [number, number] {
  const lines = source.split('\n')
  const find = (pattern: RegExp): [number, number] => {
    for (let i = 0; i < lines.length; i++) {
      const col = lines[i].search(pattern)
      if (col >= 0) return [i + 1, col + 1]
    }
    return [0, 0]
  }
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  const missing = /template not found: (.+)$/.exec(reason)?.[1]
  if (missing) return find(new RegExp(`\\{%-?\\s*(?:include|import|from|extends)\\b.*${escape(missing)}`))
  const outside = /template outside the environment file's folder: (.+)$/.exec(reason)?.[1]
  if (outside) return find(new RegExp(`\\{%-?\\s*(?:include|import|from|extends)\\b.*${escape(outside.split(/[\\/]/).at(-1) ?? outside)}`))
  if (/include each other/.test(reason)) return find(/\{%-?\s*(?:include|import|from|extends)\b/)
  const member = /access to '(.+)' is not allowed/.exec(reason)?.[1]
  if (member) return find(new RegExp(`[.'"]${escape(member)}\\b`))
  const attribute = /cannot assign attribute (\S+):/.exec(reason)?.[1]
  if (attribute) return find(new RegExp(`\\{%-?\\s*set\\s+[\\w.]*\\.${escape(attribute)}\\b`))
  const filter = /filter not found: (\w+)/.exec(reason)?.[1]
  if (filter) return find(new RegExp(`\\|\\s*${filter}\\b`))
  if (/unexpected end of file/.test(reason)) return [Math.max(lines.length - (lines.at(-1) === '' ? 1 : 0), 1), 1]
  return [0, 0]
}
