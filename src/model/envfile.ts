import {scanEnvfile} from '../env/envfile-format.js'

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
 * Reads a Docker-format env file with the same parser the env computation uses (src/env/envfile-format.ts).
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
  const {pairs, problems: lineProblems} = scanEnvfile(text)
  const problems: EnvfileProblem[] = lineProblems.map((p) => ({file: path, line: p.line, message: p.message}))
  return problems.length > 0 ? {ok: false, problems} : {ok: true, pairs}
}
