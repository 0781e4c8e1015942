import type {Config} from '@oclif/core'
import {API_VERSION, PLUGIN_HOOK, type MaestroPlugin} from '../api/plugin.js'
import {apiAccepts} from './plugin-host.js'

export interface Discovery {
  readonly plugins: MaestroPlugin[]
  /** One line per plugin that could not be used; other plugins still load. */
  readonly problems: string[]
}

/**
 * Asks every oclif plugin (the CLI itself included) for its Maestro plugins through the `maestro:plugins` hook.
 * oclif swallows hook errors into `failures`, so they are turned into problems here rather than lost.
 */
export async function discoverPlugins(config: Config): Promise<Discovery> {
  const result = await config.runHook(PLUGIN_HOOK, {api: API_VERSION})
  const plugins: MaestroPlugin[] = []
  const problems: string[] = []
  for (const f of result.failures) {
    problems.push(`plugin ${f.plugin.name} failed to load and was skipped: ${f.error.message}`)
  }
  for (const s of result.successes) {
    const list = Array.isArray(s.result) ? (s.result as unknown[]) : s.result ? [s.result] : []
    for (const p of list as MaestroPlugin[]) {
      if (!p || typeof p.name !== 'string' || typeof p.register !== 'function') {
        problems.push(`plugin package ${s.plugin.name} returned something that is not a Maestro plugin; skipped`)
      } else if (typeof p.api !== 'string' || !apiAccepts(p.api)) {
        problems.push(`plugin ${p.name} (from ${s.plugin.name}) needs plugin API ${String(p.api)}, but this Maestro provides ${API_VERSION}; skipped`)
      } else {
        plugins.push(p)
      }
    }
  }
  return {plugins, problems}
}
