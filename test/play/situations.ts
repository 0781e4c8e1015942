/** The states cache-1 (on ship b) is put in before a decision-table row runs: what a first start left, then a change. */
import {shop, type Rig} from './setup.js'

export const CACHE = ['cache-1']

export const started = async (r: Rig): Promise<void> => void (await r.play('start', {containers: CACHE}))

export const stopped = async (r: Rig): Promise<void> => {
  await started(r)
  await r.play('stop', {containers: CACHE})
}

/** What an interrupted start can leave: created, never started. */
export const createdOnly = async (r: Rig): Promise<void> => {
  await started(r)
  Object.assign(r.fleet.get('b').containers.get('cache-1')!, {running: false, status: 'created', startedSeq: undefined})
}

/** Running, and the file now wants another image. */
export const drifted = async (r: Rig): Promise<void> => {
  await started(r)
  r.env = shop({cache: {image: 'redis:8', instances: {'cache-1': {ship: 'b'}}}})
  r.fleet.get('b').addImage('redis:8')
}

/** Running on b, and the file now places it on a. */
export const moved = async (r: Rig): Promise<void> => {
  await started(r)
  r.env = shop({cache: {instances: {'cache-1': {ship: 'a'}}}})
}
