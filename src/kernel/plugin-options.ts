/** A plugin's `validateOptions()` as config issues, located at its block of the file's `plugins:` key when there is one. */
import {describeError, type ConfigIssue} from '../api/errors.js'
import type {MaestroPlugin} from '../api/plugin.js'
import type {SourceLoc} from '../model/types.js'

export interface OptionsSource {
  /** Where `plugins.<name>` (or `plugins.<name>.<key>`) is written, if the file has it. */
  readonly locate?: (plugin: string, key?: string) => SourceLoc | undefined
}

export function optionIssues(plugin: MaestroPlugin, options: Readonly<Record<string, unknown>>, source: OptionsSource): ConfigIssue[] {
  if (!plugin.validateOptions) return []
  let problems
  try {
    problems = plugin.validateOptions(options)
  } catch (e) {
    problems = [describeError(e)]
  }
  return problems.map((p) => {
    const key = typeof p === 'string' ? undefined : p.key
    const message = typeof p === 'string' ? p : p.message
    const loc = (key === undefined ? undefined : source.locate?.(plugin.name, key)) ?? source.locate?.(plugin.name)
    const path = ['plugins', plugin.name, ...(key === undefined ? [] : [key])].join('.')
    return {severity: 'error' as const, message: `${path}: ${message}`, path, ...(loc ? {loc} : {})}
  })
}
