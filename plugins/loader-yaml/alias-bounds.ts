import {isAlias, isMap, isScalar, isSeq, type Alias, type Node} from 'yaml'

/** What a document may expand to through aliases: far beyond any real environment, far below a memory problem. */
export const ALIAS_LIMITS = {nodes: 1_000_000, characters: 64 * 1024 * 1024} as const

interface Size {
  nodes: number
  characters: number
}

/**
 * Refuses a document whose aliases expand it past ALIAS_LIMITS (a "billion laughs" bomb), before anything
 * walks the expanded tree. Linear in the written document: each node's expanded size is computed once.
 * `fail` is called with the offset of the alias that crosses a limit.
 */
export function checkAliasExpansion(root: unknown, aliases: ReadonlyMap<Alias, Node>, fail: (offset: number, message: string) => never): void {
  const sizes = new Map<unknown, Size>()
  const tooBig = (s: Size) => s.nodes > ALIAS_LIMITS.nodes || s.characters > ALIAS_LIMITS.characters
  const size = (node: unknown): Size => {
    const known = sizes.get(node)
    if (known) return known
    const total: Size = {nodes: 1, characters: 0}
    // A recursive alias (`&a [*a]`) counts once: its own node is already being measured.
    sizes.set(node, total)
    const add = (child: unknown) => {
      const s = isAlias(child) ? size(aliases.get(child)) : size(child)
      total.nodes += s.nodes
      total.characters += s.characters
      if (isAlias(child) && tooBig(total)) {
        const limit = total.nodes > ALIAS_LIMITS.nodes ? `${ALIAS_LIMITS.nodes.toLocaleString('en')} nodes` : `${ALIAS_LIMITS.characters / 1024 / 1024} MiB of text`
        fail(child.range?.[0] ?? 0, `alias *${child.source} expands the document past ${limit}`)
      }
    }
    if (isScalar(node)) total.characters = typeof node.source === 'string' ? node.source.length : String(node.value).length
    else if (isMap(node)) for (const pair of node.items) (add(pair.key), add(pair.value))
    else if (isSeq(node)) for (const item of node.items) add(item)
    return total
  }
  size(root)
}
