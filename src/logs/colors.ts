/** A stable colour per container name for the `name |` prefix (compose-like palette, no red: red means errors). */
const PALETTE = [36, 33, 32, 35, 34, 96, 93, 92, 95, 94] as const

function hash(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0
  return h
}

/**
 * ANSI colour codes for `names`: each name gets the colour its hash picks, so a container keeps its colour
 * between runs; clashes move to the next free colour while the palette lasts.
 */
export function assignColors(names: readonly string[]): Map<string, number> {
  const taken = new Set<number>()
  const colors = new Map<string, number>()
  for (const name of names) {
    let i = hash(name) % PALETTE.length
    for (let step = 0; step < PALETTE.length && taken.has(i); step++) i = (i + 1) % PALETTE.length
    taken.add(i)
    if (taken.size === PALETTE.length) taken.clear()
    colors.set(name, PALETTE[i])
  }
  return colors
}

export const paint = (text: string, code: number | undefined): string => (code === undefined ? text : `\x1b[${code}m${text}\x1b[0m`)

/** Colour on a terminal unless NO_COLOR is set (to anything but '') or `--no-color` was given. */
export function colorWanted(stream: {readonly isTTY?: boolean}, flag: boolean, env: Readonly<Record<string, string | undefined>>): boolean {
  return flag && stream.isTTY === true && (env.NO_COLOR ?? '') === ''
}
