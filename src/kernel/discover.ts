import {join} from 'node:path'
import {ModuleLoader, type Config, type Interfaces} from '@oclif/core'
import {API_VERSION, PLUGIN_HOOK, type MaestroPlugin} from '../api/plugin.js'
import {MaestroError} from '../api/errors.js'
import type {PluginCandidate} from './plugin-admission.js'

type Plugin = Interfaces.Plugin

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

/** How long a third-party package may take to load and answer before it is skipped (`MAESTRO_PLUGIN_TIMEOUT_MS`). */
export const PLUGIN_LOAD_TIMEOUT_MS = 5000

type HookDefinition = string | {target: string; identifier?: string}
type HookFunction = (this: unknown, options: {api: string; config: Config}) => unknown

const NO_EXPORT = Symbol('no export')
const TIMED_OUT = Symbol('timed out')

/** The hook function a package's module offers, as oclif's own runHook finds it. */
function hookFunction(module: Record<string, unknown>, identifier: string): HookFunction | undefined {
  const named = module[identifier]
  if (typeof named === 'function') return named as HookFunction
  if (identifier !== 'default') return undefined
  if (typeof module === 'function') return module as HookFunction
  return Object.values(module).find((m): m is HookFunction => typeof m === 'function')
}

async function askPackage(config: Config, plugin: Plugin, hook: HookDefinition): Promise<unknown> {
  const {target, identifier = 'default'} = typeof hook === 'string' ? {target: hook} : hook
  const {module} = await ModuleLoader.loadWithData(plugin, join(plugin.root, target))
  const fn = hookFunction(module as Record<string, unknown>, identifier)
  if (!fn) return NO_EXPORT
  return fn.call({config}, {api: API_VERSION, config})
}

/** `work`, or TIMED_OUT after `ms` (the timer keeps the process alive: a module stuck loading must not end it). */
function withDeadline<T>(work: Promise<T>, ms: number): Promise<T | typeof TIMED_OUT> {
  let timer: NodeJS.Timeout | undefined
  const deadline = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMED_OUT), ms)
  })
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer))
}

/**
 * Asks every oclif plugin (the CLI itself included) for its Maestro plugins through the `maestro:plugins` hook,
 * loading each package's hook module the way oclif's runHook does, but with what runHook lacks: a package that
 * throws, lacks the named export, or does not finish loading within the timeout (a top-level await that never
 * settles would otherwise end every command with exit 13) becomes a one-line problem, and the others still load.
 * The CLI's own package has no deadline. What the packages return is admitted by the kernel.
 */
export async function discoverPlugins(config: Config, only?: (plugin: Plugin) => boolean): Promise<Discovery> {
  const timeoutMs = Number(process.env.MAESTRO_PLUGIN_TIMEOUT_MS) || PLUGIN_LOAD_TIMEOUT_MS
  const problems: MaestroError[] = []
  const problem = (message: string) => problems.push(new MaestroError('MAESTRO_PLUGIN_LOAD', message))
  const answers = [...config.plugins.values()].filter((p) => only?.(p as Plugin) ?? true).flatMap((p) =>
    ((p.hooks?.[PLUGIN_HOOK] ?? []) as HookDefinition[]).map(async (hook) => {
      const asked = askPackage(config, p as Plugin, hook)
      try {
        const result = p.root === config.root ? await asked : await withDeadline(asked, timeoutMs)
        if (result === TIMED_OUT) problem(`plugin ${p.name} did not finish loading within ${timeoutMs / 1000} s and was skipped`)
        else if (result === NO_EXPORT) {
          const target = typeof hook === 'string' ? hook : `${hook.target} (export ${hook.identifier ?? 'default'})`
          problem(`plugin ${p.name} declares the ${PLUGIN_HOOK} hook but ${target} exports no such function; skipped`)
        } else return (Array.isArray(result) ? (result as unknown[]) : result ? [result] : []).map((plugin) => ({plugin: plugin as MaestroPlugin, from: p.name}))
      } catch (e) {
        problem(`plugin ${p.name} failed to load and was skipped: ${loadFailure(e as Error)}`)
      }
      return []
    }),
  )
  return {candidates: (await Promise.all(answers)).flat(), problems}
}
