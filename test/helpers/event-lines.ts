/** The JSON-lines reporter's output as the fault tests read it: from a file, from stdout, or live from a child. */
import {readFileSync} from 'node:fs'
import type {RunningCli} from './cli.js'

export interface EventLine {
  readonly event: string
  readonly container?: {readonly name: string}
  readonly message?: string
  readonly outcome?: string
  readonly detail?: string
  readonly interrupted?: boolean
  readonly reason?: string
  readonly error?: {readonly code: string; readonly message: string; readonly logTail?: readonly string[]}
  readonly stats?: Readonly<Record<string, unknown>>
  readonly data?: Readonly<Record<string, unknown>>
}

/** Every line of `text` that is a JSON object (stdout mixes them with other output). */
export const eventLines = (text: string): EventLine[] =>
  text.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as EventLine)

/** A `--reporter json=FILE` file: every line must be JSON (a torn last line throws). */
export const readEventFile = (file: string): EventLine[] =>
  readFileSync(file, 'utf8').split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as EventLine)

const ENDINGS: ReadonlySet<string> = new Set(['task:end', 'task:fail', 'task:skip'])

/** How the container's task ended (task:end, task:fail or task:skip), if it did. */
export const endOf = (events: readonly EventLine[], name: string): EventLine | undefined =>
  events.find((e) => ENDINGS.has(e.event) && e.container?.name === name)

export const playEnd = (events: readonly EventLine[]): EventLine | undefined => events.find((e) => e.event === 'play:end')

/** Resolves once the child has printed (on stdout) a JSON event line that `match` accepts. */
export function sawEvent(cli: RunningCli, match: (e: EventLine) => boolean): Promise<EventLine> {
  return new Promise((resolve) => {
    let buffer = ''
    const look = (d: Buffer) => {
      buffer += d.toString()
      const lines = buffer.split('\n')
      buffer = lines.pop()!
      const found = lines.filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as EventLine).find(match)
      if (found) {
        cli.child.stdout.off('data', look)
        resolve(found)
      }
    }
    cli.child.stdout.on('data', look)
  })
}

/** Resolves once the child's stderr contains `text`. */
export function sawStderr(cli: RunningCli, text: string): Promise<void> {
  return new Promise((resolve) => {
    let err = ''
    const look = (d: Buffer) => {
      err += d.toString()
      if (!err.includes(text)) return
      cli.child.stderr.off('data', look)
      resolve()
    }
    cli.child.stderr.on('data', look)
  })
}
