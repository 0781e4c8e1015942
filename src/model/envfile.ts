/** A problem in an envfile; `line` is 1-based when the problem is on a line. */
export interface EnvfileProblem {
  readonly file: string
  readonly line?: number
  readonly message: string
}

export type EnvfileResult =
  | {readonly ok: true; readonly pairs: ReadonlyArray<readonly [string, string]>}
  | {readonly ok: false; readonly problems: readonly EnvfileProblem[]}

/**
 * Reads a Docker-format env file: `KEY=VALUE` lines, `#` comments and blank lines skipped, no quote handling
 * (the value is everything after the first `=`). A line without `=` is an error, as upstream MaestroNG has it.
 * `read` gets `path` unchanged; resolve it against the base directory before calling.
 */
export function readEnvfile(path: string, read: (p: string) => string): EnvfileResult {
  let text: string
  try {
    text = read(path)
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    const reason = code === 'ENOENT' ? 'no such file' : e instanceof Error ? e.message : String(e)
    return {ok: false, problems: [{file: path, message: reason === 'no such file' ? 'no such file' : `cannot read it: ${reason}`}]}
  }
  const pairs: Array<readonly [string, string]> = []
  const problems: EnvfileProblem[] = []
  text.split('\n').forEach((rawLine, i) => {
    const line = rawLine.replace(/\r$/, '').replace(/^\s+/, '')
    if (line === '' || line.startsWith('#')) return
    const eq = line.indexOf('=')
    if (eq < 0) {
      problems.push({file: path, line: i + 1, message: `line has no '=' (expected KEY=VALUE): ${line}`})
      return
    }
    const key = line.slice(0, eq)
    if (key === '' || /\s/.test(key)) {
      problems.push({file: path, line: i + 1, message: `invalid variable name '${key}'`})
      return
    }
    pairs.push([key, line.slice(eq + 1)])
  })
  return problems.length > 0 ? {ok: false, problems} : {ok: true, pairs}
}
