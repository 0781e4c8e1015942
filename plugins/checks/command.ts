import {shlexSplit} from '../../src/api/index.js'
import {checkFailed} from './common.js'

/** A check's `command`: a string is split like Python's `shlex.split`; a list is taken as is. */
export function commandArgv(type: string, command: unknown): string[] {
  if (Array.isArray(command)) return command.map(String)
  try {
    const argv = shlexSplit(String(command ?? ''))
    if (argv.length === 0) throw new Error('empty command')
    return argv
  } catch (e) {
    throw checkFailed(`${type} check: cannot parse command ${JSON.stringify(command)}: ${(e as Error).message}`)
  }
}

/** The last non-empty line of some output, shortened, for failure messages. */
export function lastLine(output: string): string {
  const lines = output.trim().split('\n')
  const line = (lines[lines.length - 1] ?? '').trim()
  return line.length > 200 ? `${line.slice(0, 200)}…` : line
}
