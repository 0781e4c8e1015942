import type {DockerClient} from '../api/docker.js'
import type {LogFormat} from './format.js'

/** One container whose logs are shown, with how its output is formatted. */
export interface LogTarget {
  readonly name: string
  readonly ship: string
  readonly format: LogFormat
}

/** The Docker client of a ship (opened on first use, one per ship). */
export type ClientOf = (ship: string) => DockerClient

export interface LogRequest {
  /** Lines from the end of each log; undefined for the whole log. */
  readonly tail?: number
  readonly timestamps: boolean
  /** Epoch seconds. */
  readonly since?: number
}

/** What happened to one container (non-follow), from which the exit status follows; `down` keeps the reason. */
export type LogOutcome = 'shown' | 'absent' | 'failed' | {readonly down: unknown}
