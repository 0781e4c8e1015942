import type {Command} from '@oclif/core'

/** What names a command's arguments take: services and containers, containers only, or none. */
export type NameKind = 'things' | 'containers'

export interface CompletedCommand {
  /** Words of the command id (`plugins install` → ['plugins', 'install']). */
  readonly words: readonly string[]
  readonly summary: string
  /** Every flag spelling: `--name`, `--no-name`, `-c`. */
  readonly flags: readonly string[]
  /** Flags that take a value, with their fixed options (empty when any value goes). */
  readonly valueFlags: ReadonlyMap<string, readonly string[]>
  /** Fixed values of the first argument (e.g. `completion bash|zsh`). */
  readonly argOptions: readonly string[]
  readonly names?: NameKind
}

export interface CompletionSpec {
  readonly bin: string
  readonly commands: readonly CompletedCommand[]
}

type Flag = Command.Loadable['flags'][string]
type Arg = Command.Loadable['args'][string]

function spellings(flag: Flag): string[] {
  const out = [`--${flag.name}`]
  if (flag.type === 'boolean' && flag.allowNo) out.push(`--no-${flag.name}`)
  if (flag.char) out.push(`-${flag.char}`)
  return out
}

function namesOf(args: Readonly<Record<string, Arg>>): NameKind | undefined {
  const names = Object.keys(args)
  if (names.includes('things') || names.includes('thing')) return 'things'
  if (names.includes('instance') || names.includes('container')) return 'containers'
  return undefined
}

/** Commands and flags from oclif's loaded commands (the manifest), hidden ones left out. */
export function completionSpec(bin: string, commands: readonly Command.Loadable[]): CompletionSpec {
  const visible = commands.filter((c) => !c.hidden).sort((a, b) => a.id.localeCompare(b.id))
  return {
    bin,
    commands: visible.map((c) => {
      const flags = Object.values(c.flags ?? {}).filter((f) => !f.hidden)
      const valueFlags = new Map<string, readonly string[]>()
      for (const f of flags) if (f.type === 'option') for (const s of spellings(f)) valueFlags.set(s, f.options ?? [])
      const first = Object.values(c.args ?? {})[0]
      const names = namesOf(c.args ?? {})
      return {
        words: c.id.split(':'),
        summary: (c.summary ?? c.description ?? '').split('\n')[0],
        flags: [...new Set([...flags.flatMap(spellings), '--help'])],
        valueFlags,
        argOptions: first?.options ?? [],
        ...(names ? {names} : {}),
      }
    }),
  }
}

/** Words that may follow `words` (the top level when empty): commands and topics. */
export function nextWords(spec: CompletionSpec, words: readonly string[]): string[] {
  const next = new Set<string>()
  for (const c of spec.commands) {
    if (c.words.length > words.length && words.every((w, i) => c.words[i] === w)) next.add(c.words[words.length])
  }
  return [...next].sort()
}

/** Every prefix of a command id that has further words (topics such as `plugins`). */
export function topics(spec: CompletionSpec): string[][] {
  const seen = new Map<string, string[]>()
  for (const c of spec.commands) for (let n = 1; n < c.words.length; n++) seen.set(c.words.slice(0, n).join(' '), c.words.slice(0, n))
  return [...seen.values()]
}
