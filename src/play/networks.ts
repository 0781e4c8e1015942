/** User-defined networks (`networks:`): created on the ship when missing, once per play; extra ones connected. */
import {LABEL} from '../plan/labels.js'
import type {TaskContext} from './context.js'

async function ensureNetwork(ctx: TaskContext, name: string): Promise<void> {
  if (await ctx.docker.inspectNetwork(name)) return
  ctx.progress(`creating network ${name}`)
  try {
    await ctx.docker.createNetwork({Name: name, Driver: 'bridge', CheckDuplicate: true, Labels: {[LABEL.environment]: ctx.environment.name}})
  } catch (error) {
    // Another Maestro (or play) may have created it meanwhile; only its absence is a failure.
    if (!(await ctx.docker.inspectNetwork(name))) throw error
  }
}

/** Every network the container joins exists on its ship (checked and created once per ship and play). */
export async function ensureNetworks(ctx: TaskContext): Promise<void> {
  for (const n of ctx.container.networks ?? []) await ctx.once(`network ${ctx.ship.name} ${n.name}`, () => ensureNetwork(ctx, n.name))
}

/** Docker API 1.41 creates a container on one network; it joins the others before it starts. */
export async function connectOtherNetworks(ctx: TaskContext, id: string): Promise<void> {
  for (const n of (ctx.container.networks ?? []).slice(1)) await ctx.docker.connectNetwork(n.name, id, n.aliases)
}
