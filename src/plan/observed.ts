import type {PublishedPort} from './listed-facts.js'

/** A container as one `listContainers({all: true})` call reports it (no per-container inspect). */
export interface ObservedContainer {
  readonly id: string
  readonly name: string
  readonly ship: string
  readonly running: boolean
  /** Docker's state word: running, exited, created, paused, restarting, dead. */
  readonly state: string
  /** Docker's human status, e.g. `Up 3 minutes`, `Exited (0) 2 hours ago`. */
  readonly status: string
  readonly image: string
  readonly imageId: string
  /** Epoch seconds. */
  readonly created: number
  readonly labels: Readonly<Record<string, string>>
  /** An exited container's exit code, from its status text. */
  readonly exitCode?: number
  /** Published ports (src/plan/listed-facts.ts). */
  readonly ports?: readonly PublishedPort[]
  /** Running, left so by `--keep-failed` after failing its running checks or by an interruption of them (src/play/not-ready.ts). */
  readonly notReady?: {readonly at: number; readonly reason: string; readonly interrupted?: boolean}
}

/** Containers found, by name; a name missing from the map is absent on its ship. */
export type Observed = ReadonlyMap<string, ObservedContainer>
