import {MaestroError} from '../../src/api/index.js'

const FRAME = /\(([^()\n]+)\)(?: \[Line (\d+), Column (\d+)\])?/g

/**
 * nunjucks nests messages as `(outer path)\n  Template render error: (inner path) [Line l, Column c]\n  reason`.
 * Keep the innermost located frame and the reason: `file:line:col: template error: reason`.
 * Parser errors carry 1-based positions; runtime errors wrap a JS error (`Error: ...`) and carry the
 * compiled code's 0-based positions.
 */
export function templateError(e: unknown, file: string): MaestroError {
  const raw = e instanceof Error ? e.message : String(e)
  const lines = raw.split('\n').map((l) => l.trim())
  const reasonLines = lines.filter((l) => l !== '' && !l.startsWith('(') && !l.startsWith('Template render error:'))
  const reason = (reasonLines.join(' ') || raw).replace(/^Error: /, '')
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
  const loc = line > 0 ? {file: at, line, column: Math.max(column, 1)} : undefined
  const prefix = loc ? `${loc.file}:${loc.line}:${loc.column}` : at
  return new MaestroError('MAESTRO_CONFIG_TEMPLATE', `${prefix}: template error: ${reason}`, {loc, cause: e})
}
