import type {Config} from '@oclif/core'
import {API_VERSION, PLUGIN_HOOK, type MaestroPlugin} from '../api/plugin.js'
import {MaestroError} from '../api/errors.js'
import type {PluginCandidate} from './plugin-admission.js'

export interface Discovery {
  /** Every plugin a package offered, with its package; the kernel admits them (src/kernel/plugin-admission.ts). */
  readonly candidates: PluginCandidate[]
  /** Packages whose hook could not be used; other packages still load. */
  readonly problems: MaestroError[]
}

/** oclif's import errors name its own loader; keep the part that helps the plugin's author. */
export function loadFailure(error: Error): string {
  const missing = /Cannot find (?:module|package) '([^']+)'/.exec(error.message)
  return missing ? `cannot find module ${missing[1]} (is the package built and are its dependencies installed?)` : error.message
}

/**
 * Asks every oclif plugin (the CLI itself included) for its Maestro plugins through the `maestro:plugins` hook.
 * oclif swallows hook errors into `failures`, and silently skips a hook module that lacks the named export,
 * so both are turned into problems here rather than lost. What the packages return is admitted by the kernel.
 */
export async function discoverPlugins(config: Config): Promise<Discovery> {
  const result = await config.runHook(PLUGIN_HOOK, {api: API_VERSION})
  const candidates: PluginCandidate[] = []
  const problems: MaestroError[] = []
  const problem = (message: string) => problems.push(new MaestroError('MAESTRO_PLUGIN_LOAD', message))
  const answered = new Set([...result.failures, ...result.successes].map((r) => r.plugin.name))
  for (const p of config.plugins.values()) {
    const hooks = p.hooks?.[PLUGIN_HOOK] ?? []
    if (hooks.length > 0 && !answered.has(p.name)) {
      const targets = hooks.map((h) => (typeof h === 'string' ? h : `${h.target} (export ${h.identifier ?? 'default'})`)).join(', ')
      problem(`plugin ${p.name} declares the ${PLUGIN_HOOK} hook but ${targets} exports no such function; skipped`)
    }
  }
  for (const f of result.failures) problem(`plugin ${f.plugin.name} failed to load and was skipped: ${loadFailure(f.error)}`)
  for (const s of result.successes) {
    const list = Array.isArray(s.result) ? (s.result as unknown[]) : s.result ? [s.result] : []
    for (const plugin of list) candidates.push({plugin: plugin as MaestroPlugin, from: s.plugin.name})
  }
  return {candidates, problems}
}
