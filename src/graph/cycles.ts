import type {ServiceGraph} from './graph.js'

/**
 * Every cycle a depth-first walk meets (one per back edge), each as a closed path `[a, b, c, a]`
 * starting at the service first reached in file order. Rotations of a cycle already found are skipped.
 */
export function findCycles(graph: ServiceGraph): string[][] {
  const state = new Map<string, 'open' | 'done'>()
  const stack: string[] = []
  const cycles: string[][] = []
  const seen = new Set<string>()
  const visit = (node: string): void => {
    state.set(node, 'open')
    stack.push(node)
    for (const next of graph.dependencies(node)) {
      const st = state.get(next)
      if (st === 'open') {
        const path = [...stack.slice(stack.indexOf(next)), next]
        const key = [...path.slice(0, -1)].sort().join('\0')
        if (!seen.has(key)) {
          seen.add(key)
          cycles.push(path)
        }
      } else if (st === undefined) visit(next)
    }
    stack.pop()
    state.set(node, 'done')
  }
  for (const node of graph.nodes) if (!state.has(node)) visit(node)
  return cycles
}

/** The first dependency cycle as a closed path (`['a', 'b', 'c', 'a']`), or undefined. */
export const findCycle = (graph: ServiceGraph): string[] | undefined => findCycles(graph)[0]
