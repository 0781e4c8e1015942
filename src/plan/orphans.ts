/**
 * Containers labelled with the environment's name that the file does not place where they are (issue 12): the
 * old copy of a *moved* instance (same name, other ship) and *unknown* ones (a service or instance removed from
 * the file). An instance's previous container (src/plan/previous.ts) is none. Only ships of the file can be listed, so a container left on a ship removed from the file is unseen.
 */
import type {Environment} from '../model/types.js'
import {LABEL} from './labels.js'
import type {ObservedContainer} from './observed.js'
import {previousOf} from './previous.js'

export interface Orphan {
  readonly kind: 'moved' | 'unknown'
  readonly container: ObservedContainer
  /** Moved: the ship the file places the instance on now. */
  readonly movedTo?: string
}

/** Pure: the orphans among every container listed on the ships; moved ones only for `selection`. */
export function findOrphans(environment: Environment, listed: readonly ObservedContainer[], selection: readonly string[]): Orphan[] {
  const selected = new Set(selection)
  const out: Orphan[] = []
  for (const o of listed) {
    // an instance's previous container is its way back, not an orphan
    if (o.labels[LABEL.environment] !== environment.name || previousOf(environment, o)) continue
    const placed = environment.containers[o.name]
    if (!placed) out.push({kind: 'unknown', container: o})
    else if (placed.ship !== o.ship && selected.has(o.name)) out.push({kind: 'moved', container: o, movedTo: placed.ship})
  }
  return out.sort((a, b) => (a.container.name + a.container.ship < b.container.name + b.container.ship ? -1 : 1))
}
