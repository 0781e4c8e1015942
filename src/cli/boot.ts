/** Boots the kernel for a command so that one broken plugin never breaks the CLI (issue 7 item 2). */
import type {Config} from '@oclif/core'
import {discoverPlugins} from '../kernel/discover.js'
import {Kernel} from '../kernel/kernel.js'
import type {MaestroPlugin} from '../api/plugin.js'

export interface Booted {
  readonly kernel: Kernel
  /** One line per plugin that was skipped, for warnings. */
  readonly problems: readonly string[]
}

/** Drops duplicates and plugins whose dependencies are missing, instead of refusing to boot. */
export function usablePlugins(plugins: readonly MaestroPlugin[], problems: string[]): MaestroPlugin[] {
  const byName = new Map<string, MaestroPlugin>()
  for (const p of plugins) {
    if (byName.has(p.name)) problems.push(`plugin ${p.name} is installed twice; the second copy was skipped`)
    else byName.set(p.name, p)
  }
  for (let changed = true; changed; ) {
    changed = false
    for (const p of byName.values()) {
      const missing = (p.dependencies ?? []).find((d) => !byName.has(d))
      if (missing !== undefined) {
        problems.push(`plugin ${p.name} depends on ${missing}, which is not installed; skipped`)
        byName.delete(p.name)
        changed = true
      }
    }
  }
  return [...byName.values()]
}

/** A plugin whose register() throws is reported and skipped; the others still register. */
function guarded(p: MaestroPlugin, problems: string[]): MaestroPlugin {
  return {
    ...p,
    register: async (ctx) => {
      try {
        await p.register(ctx)
      } catch (error) {
        problems.push(`plugin ${p.name} failed to register and was skipped: ${error instanceof Error ? error.message : String(error)}`)
      }
    },
  }
}

export async function bootKernel(config: Config, pluginOptions?: Readonly<Record<string, Readonly<Record<string, unknown>>>>): Promise<Booted> {
  const discovery = await discoverPlugins(config)
  const problems = [...discovery.problems]
  const plugins = usablePlugins(discovery.plugins, problems).map((p) => guarded(p, problems))
  const kernel = await Kernel.boot({plugins, pluginOptions})
  return {kernel, problems}
}
