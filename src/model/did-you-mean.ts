/** Edit distance (Levenshtein plus adjacent transpositions, all cost 1): `tpc` is 1 away from `tcp`. */
export function levenshtein(a: string, b: string): number {
  if (a === b) return 0
  const d: number[][] = Array.from({length: a.length + 1}, (_, i) => [i, ...Array<number>(b.length).fill(0)])
  for (let j = 0; j <= b.length; j++) d[0][j] = j
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1)
    }
  }
  return d[a.length][b.length]
}

/** The closest candidate within a distance proportional to the word's length, if any. */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  const limit = Math.max(1, Math.min(3, Math.floor(word.length / 3)))
  let best: string | undefined
  let bestDistance = Infinity
  for (const c of candidates) {
    // The distance is at least the difference in length: a huge word is compared with nothing.
    if (Math.abs(c.length - word.length) > limit) continue
    const d = levenshtein(word.toLowerCase(), c.toLowerCase())
    if (d < bestDistance && d <= limit) {
      best = c
      bestDistance = d
    }
  }
  return best
}

/** ` (did you mean 'x'?)` or an empty string. */
export function didYouMean(word: string, candidates: Iterable<string>): string {
  const c = closest(word, candidates)
  return c === undefined ? '' : ` (did you mean '${c}'?)`
}
