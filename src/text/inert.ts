/** How much outside text one message carries by default. */
export const INERT_TEXT_MAX = 500

// Escape sequences (CSI, OSC, and two-character ones), then every control character a terminal acts on:
// C0 except tab and newline, DEL, C1, and the Unicode bidirectional overrides that reorder what is shown.
const ESCAPES = /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[ -~]?/g
const CONTROLS = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g

/**
 * Text that came from outside Maestro (container output, registry and daemon messages, HTTP bodies), made safe to
 * print to a terminal, a log or a chat message: escape sequences and control characters removed, at most `max`
 * characters, saying how many were cut.
 */
export function inertText(text: string, max = INERT_TEXT_MAX): string {
  const clean = text.replace(ESCAPES, '').replace(CONTROLS, '')
  return clean.length > max ? `${clean.slice(0, max)}… (${clean.length - max} more characters)` : clean
}

/** The last non-empty line of some outside text, inert and shortened, for one-line failure messages. */
export function inertLastLine(text: string, max = 200): string {
  const lines = text.replace(/\r\n?/g, '\n').trim().split('\n')
  return inertText((lines[lines.length - 1] ?? '').trim(), max)
}
