/** ANSI styling, applied only when colour is enabled. */
const CODES = {red: 31, green: 32, yellow: 33, cyan: 36, dim: 2, bold: 1} as const
export type Style = keyof typeof CODES

export const paint = (style: Style | undefined, text: string, enabled: boolean): string =>
  enabled && style ? `\x1b[${CODES[style]}m${text}\x1b[0m` : text

const ANSI = /\x1b\[[0-9;]*[A-Za-z]/g
export const stripAnsi = (text: string): string => text.replace(ANSI, '')

/** The colour of a status word (upstream: `up` is cyan, failures red). */
export function statusStyle(status: string): Style | undefined {
  if (status.endsWith('!') || status.startsWith('failed') || status.startsWith('replacement failed') || status === 'host down' || status === 'not ready') return 'red'
  if (status.startsWith('started') || status.startsWith('replaced ') || status === 'pulled' || status === 'created' || status === 'recreated') return 'green'
  if (status.startsWith('up') || status.startsWith('running')) return 'cyan'
  if (/^(down|stopped|killed|removed|rolled back)/.test(status)) return 'yellow'
  if (status === 'absent' || status.startsWith('skipped') || status.endsWith('...')) return 'dim'
  return undefined
}

/** Terminal control for the live table. */
export const cursorUp = (n: number): string => (n > 0 ? `\x1b[${n}A` : '')
export const cursorDown = (n: number): string => (n > 0 ? `\x1b[${n}B` : '')
export const clearLine = '\x1b[2K'
