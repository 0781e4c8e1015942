import type {Config} from '@oclif/core'
import {API_VERSION, PLUGIN_HOOK, type MaestroPlugin} from '../api/plugin.js'
import {apiAccepts} from './plugin-host.js'

export interface Discovery {
  readonly plugins: MaestroPlugin[]
  /** One line per plugin that could not be used; other plugins still load. */
  readonly problems: string[]
}

/** oclif's import errors name its own loader; keep the part that helps the plugin's author. */
export function loadFailure(error: Error): string {
  const missing = /Cannot find (?:module|package) '([^']+)'/.exec(error.message)
  return missing ? `cannot find module ${missing[1]} (is the package built and are its dependencies installed?)` : error.message
}

/**
 * Asks every oclif plugin (the CLI itself included) for its Maestro plugins through the `maestro:plugins` hook.
 * oclif swallows hook errors into `failures`, and silently skips a hook module that lacks the named export,
 * so both are turned into problems here rather than lost.
 */
export async function discoverPlugins(config: Config): Promise<Discovery> {
  const result = await config.runHook(PLUGIN_HOOK, {api: API_VERSION})
  const plugins: MaestroPlugin[] = []
  const problems: string[] = []
  const answered = new Set([...result.failures, ...result.successes].map((r) => r.plugin.name))
  for (const p of config.plugins.values()) {
    const hooks = p.hooks?.[PLUGIN_HOOK] ?? []
    if (hooks.length > 0 && !answered.has(p.name)) {
      const targets = hooks.map((h) => (typeof h === 'string' ? h : `${h.target} (export ${h.identifier ?? 'default'})`)).join(', ')
      problems.push(`plugin ${p.name} declares the ${PLUGIN_HOOK} hook but ${targets} exports no such function; skipped`)
    }
  }
  for (const f of result.failures) {
    problems.push(`plugin ${f.plugin.name} failed to load and was skipped: ${loadFailure(f.error)}`)
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
