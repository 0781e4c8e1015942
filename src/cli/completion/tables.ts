import {nextWords, topics, type CompletedCommand, type CompletionSpec} from './spec.js'

const q = (words: readonly string[]): string => words.join(' ').replace(/["$`\\]/g, '')

/** A `case` function (same syntax in bash and zsh): one branch per key, printing its words. */
function caseFn(name: string, branches: ReadonlyArray<readonly [string, readonly string[]]>): string {
  const rows = branches.filter(([, w]) => w.length > 0).map(([k, w]) => `    "${k}") echo "${q(w)}" ;;`)
  return [`${name}() {`, '  case "$1" in', ...rows, '  esac', '}'].join('\n')
}

const ownsF = (c: CompletedCommand): boolean => c.flags.includes('-f') && !c.flags.includes('--file')

/** The lookup functions both shell scripts share, prefixed `fn`: next words, then flags/args/names/values per command. */
export function lookupTables(spec: CompletionSpec, fn: string): {readonly next: string; readonly perCommand: string} {
  const ids = (c: {words: readonly string[]}) => c.words.join(' ')
  const valueFlags = [...new Set(spec.commands.flatMap((c) => [...c.valueFlags.keys()]))]
  const values = new Map<string, readonly string[]>()
  for (const c of spec.commands) for (const [f, o] of c.valueFlags) if (o.length > 0) values.set(f, o)
  const next = caseFn(`${fn}_next`, [['', nextWords(spec, [])], ...topics(spec).map((t) => [t.join(' '), nextWords(spec, t)] as const)])
  const perCommand = [
    caseFn(`${fn}_flags`, spec.commands.map((c) => [ids(c), c.flags] as const)),
    caseFn(`${fn}_args`, spec.commands.map((c) => [ids(c), c.argOptions] as const)),
    caseFn(`${fn}_names`, spec.commands.map((c) => [ids(c), c.names ? [c.names] : []] as const)),
    caseFn(`${fn}_values`, [...values]),
    // Commands whose own `-f` is not the environment file (`plugins install -f` = --force): `flag` or `value`.
    caseFn(`${fn}_own_f`, spec.commands.filter(ownsF).map((c) => [ids(c), [c.valueFlags.has('-f') ? 'value' : 'flag']] as const)),
    `${fn}_value_flags=" -f --file ${valueFlags.filter((f) => f !== '-f' && f !== '--file').join(' ')} "`,
  ].join('\n\n')
  return {next, perCommand}
}
