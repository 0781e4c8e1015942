/** The one wording for a name that no installed plugin provides: `unknown reporter nope (available: a, b)`. */
export const unknownProvider = (kind: string, name: string, available: readonly string[]): string =>
  `unknown ${kind} ${name} (available: ${available.join(', ') || 'none'})`
