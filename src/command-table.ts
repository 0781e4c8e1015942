/**
 * What varies by command, in one table (R6: direction is a value, not a code path). Execution order: `start`,
 * `pull`, `clean` and `restart` run dependencies before dependents; `stop` and `kill` dependents first; the
 * others have no order. Upstream restarted dependents first (MaestroNG #186); Maestro keeps dependencies first,
 * a documented divergence. Recipes load on first use, so commands that never play pay nothing for them.
 */
import type {Action} from './api/events.js'
import type {Recipe} from './play/context.js'

export type Order = 'forward' | 'reverse' | 'none'
export type SelectCommand = Action | 'logs' | 'events' | 'deptree' | 'dump'

export interface CommandFacts {
  /** The order the play runs containers in. */
  readonly order: Order
  /** Which way `-d` extends the selection (and which way selection with no things is closed). */
  readonly extend: 'dependencies' | 'dependents'
  /** `-i` drops the ordering; `clean` accepts it and ignores it, as upstream does. */
  readonly honoursIgnoreDependencies: boolean
  /** Service names need `-s`, and no things needs `-a` (stop, kill and restart, as upstream). */
  readonly explicitServices: boolean
  /** The command changes containers on the ships (and so takes the deploy lock). */
  readonly changesContainers: boolean
  /** The play recipe each selected container runs; absent for commands that are not plays. */
  readonly recipe?: () => Promise<Recipe>
}

const readOnly = {honoursIgnoreDependencies: true, explicitServices: false, changesContainers: false} as const

export const COMMANDS: Readonly<Record<SelectCommand, CommandFacts>> = {
  status: {...readOnly, order: 'none', extend: 'dependencies', recipe: async () => (await import('./play/recipes/status.js')).statusRecipe},
  plan: {...readOnly, order: 'none', extend: 'dependencies'},
  logs: {...readOnly, order: 'none', extend: 'dependencies'},
  events: {...readOnly, order: 'none', extend: 'dependencies'},
  deptree: {...readOnly, order: 'none', extend: 'dependencies'},
  dump: {...readOnly, order: 'none', extend: 'dependencies'},
  start: {order: 'forward', extend: 'dependencies', honoursIgnoreDependencies: true, explicitServices: false, changesContainers: true,
    recipe: async () => (await import('./play/recipes/start.js')).startRecipe},
  pull: {order: 'forward', extend: 'dependencies', honoursIgnoreDependencies: true, explicitServices: false, changesContainers: false,
    recipe: async () => (await import('./play/recipes/pull.js')).pullRecipe},
  clean: {order: 'forward', extend: 'dependencies', honoursIgnoreDependencies: false, explicitServices: false, changesContainers: true,
    recipe: async () => (await import('./play/recipes/clean.js')).cleanRecipe},
  restart: {order: 'forward', extend: 'dependents', honoursIgnoreDependencies: true, explicitServices: true, changesContainers: true,
    recipe: async () => (await import('./play/recipes/restart.js')).restartRecipe},
  rollback: {order: 'forward', extend: 'dependencies', honoursIgnoreDependencies: true, explicitServices: false, changesContainers: true,
    recipe: async () => (await import('./play/recipes/rollback.js')).rollbackRecipe},
  stop: {order: 'reverse', extend: 'dependents', honoursIgnoreDependencies: true, explicitServices: true, changesContainers: true,
    recipe: async () => (await import('./play/recipes/stop.js')).stopRecipe},
  kill: {order: 'reverse', extend: 'dependents', honoursIgnoreDependencies: true, explicitServices: true, changesContainers: true,
    recipe: async () => (await import('./play/recipes/stop.js')).killRecipe},
}
