import {isAlias, isMap, isScalar, isSeq, type Alias, type Document, type Node, type Pair, type YAMLMap} from 'yaml'
import {jsKey} from './yaml-keys.js'

type KeyPath = readonly (string | number)[]

/** A YAML node found at a key path: the key node (for map entries) and the value node as written. */
export interface Found {
  readonly key?: Node
  readonly value: Node | null
}

/**
 * Walks key paths through a parsed document the way the loaded data was built: aliases are followed,
 * and keys missing from a map are looked up in its merge sources (`<<: *a` or `<<: [*a, *b]`, earlier
 * sources first), so a merged key is found where it is written. Per-map key indexes are built lazily.
 */
export class NodeFinder {
  readonly #document: Document
  readonly #aliases: ReadonlyMap<Alias, Node>
  readonly #index = new WeakMap<YAMLMap, MapEntries>()

  constructor(document: Document, aliases: ReadonlyMap<Alias, Node>) {
    this.#document = document
    this.#aliases = aliases
  }

  find(path: KeyPath): Found | undefined {
    let found: Found = {value: this.#document.contents as Node | null}
    for (const step of path) {
      const node = this.#deref(found.value)
      const next = isMap(node) ? this.#pair(node, String(step)) : isSeq(node) ? this.#item(node.items as Node[], step) : undefined
      if (!next) return undefined
      found = next
    }
    return found
  }

  #deref(node: Node | null | undefined): Node | null | undefined {
    const seen = new Set<Node>()
    let current = node
    while (current && isAlias(current) && !seen.has(current)) {
      seen.add(current)
      current = this.#aliases.get(current)
    }
    return current
  }

  #item(items: readonly Node[], step: string | number): Found | undefined {
    const i = typeof step === 'number' ? step : /^\d+$/.test(step) ? Number(step) : -1
    return i >= 0 && i < items.length ? {value: items[i]} : undefined
  }

  #pair(map: YAMLMap, key: string, seen = new Set<YAMLMap>()): Found | undefined {
    if (seen.has(map)) return undefined
    seen.add(map)
    const entries = this.#entries(map)
    const own = entries.keys.get(key)
    if (own) return {key: own.key as Node, value: own.value as Node | null}
    for (const source of this.#mergeSources(entries.merge)) {
      const found = this.#pair(source, key, seen)
      if (found) return found
    }
    return undefined
  }

  #entries(map: YAMLMap): MapEntries {
    let entries = this.#index.get(map)
    if (!entries) {
      entries = {keys: new Map(), merge: []}
      for (const pair of map.items as Pair[]) {
        if (isMergeKey(pair.key)) entries.merge.push(pair)
        else {
          const k = jsKey(pair.key)
          if (k !== undefined && !entries.keys.has(k)) entries.keys.set(k, pair)
        }
      }
      this.#index.set(map, entries)
    }
    return entries
  }

  #mergeSources(merges: readonly Pair[]): YAMLMap[] {
    return merges.flatMap((merge) => {
      const value = this.#deref(merge.value as Node | null)
      const sources = isSeq(value) ? (value.items as Node[]).map((n) => this.#deref(n)) : [value]
      return sources.filter((n): n is YAMLMap => isMap(n))
    })
  }
}

interface MapEntries {
  readonly keys: Map<string, Pair>
  readonly merge: Pair[]
}

/** With `merge: true`, yaml gives a plain `<<` key the value Symbol(<<); a quoted '<<' is an ordinary key. */
const isMergeKey = (key: unknown): boolean => isScalar(key) && typeof key.value === 'symbol'
