/**
 * Python's `shlex.split(s)` (POSIX mode, no comments), which docker-py applies to string commands.
 * Outside quotes `\x` is `x`; inside double quotes only `\"` and `\\` are escapes; single quotes are literal.
 */
import {MaestroError} from '../api/errors.js'

const WHITESPACE = new Set([' ', '\t', '\r', '\n'])

export function shlexSplit(text: string): string[] {
  const words: string[] = []
  let word = ''
  let inWord = false
  let quote: '"' | "'" | undefined
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    if (quote === "'") {
      if (ch === "'") quote = undefined
      else word += ch
    } else if (quote === '"') {
      if (ch === '"') quote = undefined
      else if (ch === '\\' && i + 1 < text.length && (text[i + 1] === '"' || text[i + 1] === '\\')) word += text[++i]
      else if (ch === '\\' && i + 1 >= text.length) throw splitError(text, 'No escaped character')
      else word += ch
    } else if (WHITESPACE.has(ch)) {
      if (inWord) words.push(word)
      word = ''
      inWord = false
    } else {
      inWord = true
      if (ch === "'" || ch === '"') quote = ch
      else if (ch === '\\') {
        if (i + 1 >= text.length) throw splitError(text, 'No escaped character')
        word += text[++i]
      } else word += ch
    }
  }
  if (quote) throw splitError(text, 'No closing quotation')
  if (inWord) words.push(word)
  return words
}

function splitError(text: string, reason: string): MaestroError {
  return new MaestroError('MAESTRO_CONFIG_INVALID', `cannot split command ${JSON.stringify(text)}: ${reason}`)
}
