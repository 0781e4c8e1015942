/**
 * The caller's terminal during `maestro exec -it`: raw mode (keys go to the container, Ctrl-C included), its
 * size and resizes, and the original mode back afterwards, also when the process exits on a signal.
 */
import type {TerminalSize} from '../api/docker.js'

export interface TerminalIn {
  readonly isTTY?: boolean
  readonly isRaw?: boolean
  setRawMode?(raw: boolean): unknown
  pause(): unknown
}

export interface TerminalOut {
  readonly isTTY?: boolean
  readonly rows?: number
  readonly columns?: number
  on(event: 'resize', listener: () => void): unknown
  off(event: 'resize', listener: () => void): unknown
}

export interface Terminal {
  size(): TerminalSize | undefined
  onResize(listener: (size: TerminalSize) => void): void
  restore(): void
}

export function attachTerminal(stdin: TerminalIn, stdout: TerminalOut, raw: boolean): Terminal {
  const wasRaw = stdin.isRaw === true
  const rawMode = raw && stdin.isTTY === true && typeof stdin.setRawMode === 'function'
  const back = () => stdin.setRawMode?.(wasRaw)
  if (rawMode) {
    stdin.setRawMode!(true)
    process.once('exit', back)
  }
  const size = (): TerminalSize | undefined =>
    stdout.isTTY === true && stdout.rows !== undefined && stdout.columns !== undefined ? {rows: stdout.rows, columns: stdout.columns} : undefined
  const listeners: (() => void)[] = []
  return {
    size,
    onResize(listener) {
      const l = () => {
        const s = size()
        if (s) listener(s)
      }
      listeners.push(l)
      stdout.on('resize', l)
    },
    restore() {
      for (const l of listeners.splice(0)) stdout.off('resize', l)
      if (rawMode) {
        back()
        process.off('exit', back)
      }
      // a forwarded stdin would keep the process alive
      stdin.pause()
    },
  }
}
