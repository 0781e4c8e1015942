import {inertLastLine, shlexSplit} from '../../src/api/index.js'
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

/** The last non-empty line of some output, inert and shortened, for failure messages. */
export const lastLine = (output: string): string => inertLastLine(output)
