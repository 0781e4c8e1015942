/**
 * How one container's log text and notices become output pieces: raw for a single container (as upstream),
 * `name | line` for several. Notices ("host down", "has died") always go to stderr with the prefix.
 */
import {LineSplitter} from './line-splitter.js'
import type {Piece} from './output.js'
import type {Prefixes} from './prefix.js'

export interface LogFormat {
  text(chunk: string): Piece[]
  /** The stream ended: whatever is still held (a last line without newline). */
  end(): Piece[]
  notice(message: string): Piece
}

export interface FormatOptions {
  readonly prefixed: boolean
  readonly colorOut: boolean
  readonly colorErr: boolean
}

export function logFormat(name: string, prefixes: Prefixes, options: FormatOptions): LogFormat {
  const notice = (message: string): Piece => ({to: 'err', text: `${prefixes.of(name, options.colorErr)}${message}\n`})
  if (!options.prefixed) {
    return {text: (chunk) => (chunk === '' ? [] : [{to: 'out', text: chunk}]), end: () => [], notice}
  }
  const splitter = new LineSplitter()
  const prefix = prefixes.of(name, options.colorOut)
  const lines = (ls: string[]): Piece[] => (ls.length === 0 ? [] : [{to: 'out', text: ls.map((l) => `${prefix}${l}\n`).join('')}])
  return {text: (chunk) => lines(splitter.push(chunk)), end: () => lines(splitter.end()), notice}
}
