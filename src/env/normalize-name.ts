/**
 * `NORM(x)` of reference §3.1: Python 3's `re.sub(r'[^\w]', '_', x).upper()`.
 * Python's `\w` on str is Unicode-aware: letters (L*), numbers (N*) and `_`; marks (M*) are not word characters.
 */
const NON_WORD = /[^\p{L}\p{N}_]/gu

export function normalizeName(name: string): string {
  return name.replace(NON_WORD, '_').toUpperCase()
}
