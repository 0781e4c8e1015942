/**
 * Docker env-file format as docker-py's `parse_env_file` reads it (what upstream uses):
 * a line starting with `#` is a comment, lines are stripped, blank lines are skipped,
 * `KEY=VALUE` splits at the first `=`, quotes are kept verbatim, and a line without `=` is an error.
 */
import {MaestroError} from '../api/errors.js'

export function parseEnvfile(text: string, file: string): Array<[string, string]> {
  const byKey = new Map<string, string>()
  const lines = text.split(/\r\n|\r|\n/)
  lines.forEach((raw, index) => {
    if (raw.startsWith('#')) return
    const line = raw.trim()
    if (line === '') return
    const eq = line.indexOf('=')
    if (eq < 0) {
      throw new MaestroError('MAESTRO_CONFIG_INVALID', `${file}:${index + 1}: invalid line in environment file (no "="): ${line}`, {
        loc: {file, line: index + 1, column: 1},
      })
    }
    byKey.set(line.slice(0, eq), line.slice(eq + 1))
  })
  return [...byKey]
}
