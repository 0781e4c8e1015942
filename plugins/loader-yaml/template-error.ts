import {MaestroError} from '../../src/api/index.js'

/** A nunjucks frame starts a line; a parenthesis inside the reason (`(reading 'type')`) is not one. */
const FRAME = /^\s*(?:Template render error: )?\(([^()\n]+)\)(?: \[Line (\d+), Column (\d+)\])?/gm

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
  const reason = plainReason((reasonLines.join(' ') || raw).replace(/^Error: /, ''), source)
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

function plainReason(reason: string, source: string): string {
  if (/Maximum call stack size exceeded/.test(reason)) return 'recursion too deep: a macro that calls itself without end?'
  if (/^TypeError: Cannot read properties of (?:null|undefined)/.test(reason) && unclosedOpener(source)) return 'the file ends inside this tag'
  return reason
}

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
  const read = /reading '([^']+)'/.exec(reason)?.[1]
  if (read) return find(new RegExp(`\\.${escape(read)}\\b|\\[\\s*['"]${escape(read)}['"]`))
  if (/^repetition too large/.test(reason)) return find(/\{[{%][^}]*\*/)
  if (/^range too big/.test(reason)) return find(/\brange\s*\(/)
  if (/^loops ran more/.test(reason)) return find(/\{%-?\s*for\b/)
  if (/expected (?:variable end|block end|end of comment)|end of file/.test(reason)) {
    const opener = unclosedOpener(source)
    if (opener) return opener
  }
  if (/unexpected end of file|end of file/.test(reason)) return [Math.max(lines.length - (lines.at(-1) === '' ? 1 : 0), 1), 1]
  // What is left without a position is nunjucks' parser tripping over a file that ends inside a tag.
  return unclosedOpener(source) ?? [0, 0]
}

const CLOSERS: Record<string, string> = {'{{': '}}', '{%': '%}', '{#': '#}'}

/** Line and column of the first `{{`, `{%` or `{#` that is never closed. */
function unclosedOpener(source: string): [number, number] | undefined {
  const opener = /\{[{%#]/g
  for (let m = opener.exec(source); m; m = opener.exec(source)) {
    const end = source.indexOf(CLOSERS[m[0]], m.index + 2)
    if (end < 0) {
      const before = source.slice(0, m.index).split('\n')
      return [before.length, before.at(-1)!.length + 1]
    }
    opener.lastIndex = end + 2
  }
  return undefined
}
