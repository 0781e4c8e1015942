/**
 * Docker env-file format as docker-py's `parse_env_file` reads it (what upstream uses):
 * a line starting with `#` is a comment, lines are stripped, blank lines are skipped,
 * `KEY=VALUE` splits at the first `=`, quotes are kept verbatim, and a line without `=` is an error.
 * One parser serves validation (every problem) and env computation (first problem throws).
 */
import {MaestroError} from '../api/errors.js'

export interface EnvfileLineProblem {
  readonly line: number
  readonly message: string
}

export function scanEnvfile(text: string): {pairs: Array<[string, string]>; problems: EnvfileLineProblem[]} {
  const byKey = new Map<string, string>()
  const problems: EnvfileLineProblem[] = []
  text.split(/\r\n|\r|\n/).forEach((raw, index) => {
    if (raw.startsWith('#')) return
    const line = raw.trim()
    if (line === '') return
    const eq = line.indexOf('=')
    if (eq < 0) problems.push({line: index + 1, message: `line has no '=' (expected KEY=VALUE): ${line}`})
    else byKey.set(line.slice(0, eq), line.slice(eq + 1))
  })
  return {pairs: [...byKey], problems}
}

export function parseEnvfile(text: string, file: string): Array<[string, string]> {
  const {pairs, problems} = scanEnvfile(text)
  const first = problems[0]
  if (first) {
    throw new MaestroError('MAESTRO_CONFIG_INVALID', `${file}:${first.line}: ${first.message}`, {loc: {file, line: first.line, column: 1}})
  }
  return pairs
}
