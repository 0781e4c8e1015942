/**
 * Tested examples in the docs: a fenced block whose info string is `console` holds command lines (`$ maestro ...`,
 * optionally ending in `# exit N`, default 0) each followed by the output fragments it must print. A fragment line
 * must appear in the command's output (stdout then stderr), the fragments in order; `…` within a line matches
 * anything, and a line that is only `…` stands for elided output. Other fences (`sh`, plain) are not run.
 */
export interface DocExample {
  /** `docs/cli.md:42` */
  readonly where: string
  readonly args: string[]
  readonly exit: number
  readonly fragments: string[]
}

const FENCE = /^```(\S*)\s*$/

export function docExamples(file: string, text: string): DocExample[] {
  const examples: DocExample[] = []
  const lines = text.split('\n')
  let inConsole = false
  let inFence = false
  let current: {where: string; args: string[]; exit: number; fragments: string[]} | undefined
  lines.forEach((line, i) => {
    const fence = FENCE.exec(line)
    if (fence) {
      if (inFence) {
        inFence = inConsole = false
        current = undefined
      } else {
        inFence = true
        inConsole = fence[1] === 'console'
      }
      return
    }
    if (!inConsole) return
    if (line.startsWith('$ ')) {
      const m = /^\$ maestro(?:\s+(.*?))?(?:\s+# exit (\d+))?\s*$/.exec(line)
      if (!m) throw new Error(`${file}:${i + 1}: a tested example runs maestro: ${line}`)
      current = {where: `${file}:${i + 1}`, args: splitWords(m[1] ?? ''), exit: Number(m[2] ?? 0), fragments: []}
      examples.push(current)
    } else if (line.trim() !== '' && line.trim() !== '…') {
      if (!current) throw new Error(`${file}:${i + 1}: output before any $ maestro line`)
      current.fragments.push(line)
    }
  })
  return examples
}

/** Shell words: whitespace-separated, single or double quotes group (no escapes, no expansion). */
export function splitWords(text: string): string[] {
  const words: string[] = []
  for (const m of text.matchAll(/'([^']*)'|"([^"]*)"|(\S+)/g)) words.push(m[1] ?? m[2] ?? m[3])
  return words
}

/** The first fragment not found in `output` (in order), or undefined when all are. */
export function missingFragment(output: string, fragments: readonly string[]): string | undefined {
  let from = 0
  for (const f of fragments) {
    const pattern = new RegExp(f.trim().split('…').map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*'))
    const rest = output.slice(from)
    const m = pattern.exec(rest)
    if (!m) return f
    from += m.index + m[0].length
  }
  return undefined
}
