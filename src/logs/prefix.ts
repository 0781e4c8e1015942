/** The `name |` prefix of each log line when several containers are shown, padded to the longest name. */
import {assignColors, paint} from './colors.js'

export interface Prefixes {
  /** The prefix of `name`'s lines, coloured when `color` is true. */
  of(name: string, color: boolean): string
}

export function makePrefixes(names: readonly string[]): Prefixes {
  const width = Math.max(0, ...names.map((n) => n.length))
  const colors = assignColors(names)
  return {
    of: (name, color) => `${paint(name.padEnd(width), color ? colors.get(name) : undefined)} | `,
  }
}
