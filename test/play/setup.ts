import {Kernel} from '../../src/kernel/kernel.js'
import {schedulerDag} from '../../plugins/scheduler-dag/index.js'
import {runPlay, type PlayRequest} from '../../src/play/index.js'
import type {Action, MaestroPlugin} from '../../src/api/index.js'
import type {Environment} from '../../src/model/types.js'
import {FakeFleet} from '../helpers/fake-docker.js'
import {EventRecorder} from '../helpers/recorder.js'
import {environment, ship, type ServiceInput} from '../helpers/env-builder.js'

/** db-1 (a) <- app-1 (a), app-2 (b) <- web-1 (c); cache-1 (b) stands alone. */
export function shop(overrides: Partial<Record<string, Partial<ServiceInput>>> = {}): Environment {
  const services: Record<string, ServiceInput> = {
    db: {image: 'postgres:16', instances: {'db-1': {ship: 'a', ports: {pg: 5432}}}},
    app: {image: 'app:1', requires: ['db'], instances: {'app-1': {ship: 'a'}, 'app-2': {ship: 'b'}}},
    web: {image: 'web:1', requires: ['app'], instances: {'web-1': {ship: 'c', ports: {http: '80:8080'}}}},
    cache: {image: 'redis:7', instances: {'cache-1': {ship: 'b'}}},
  }
  for (const [k, v] of Object.entries(overrides)) services[k] = {...services[k], ...v} as ServiceInput
  return environment('shop', [ship('a', '10.0.0.1'), ship('b', '10.0.0.2'), ship('c', '10.0.0.3')], services)
}

export const ALL = ['db-1', 'app-1', 'app-2', 'web-1', 'cache-1']

export interface Rig {
  kernel: Kernel
  fleet: FakeFleet
  rec: EventRecorder
  env: Environment
  play(command: Action, extra?: Partial<PlayRequest>): ReturnType<typeof runPlay>
}

export async function rig(env: Environment = shop(), plugins: MaestroPlugin[] = []): Promise<Rig> {
  const fleet = new FakeFleet(Object.keys(env.ships))
  for (const d of fleet.ships.values()) for (const img of ['postgres:16', 'app:1', 'web:1', 'redis:7']) d.addImage(img)
  const kernel = await Kernel.boot({plugins: [schedulerDag, fleet.plugin(), ...plugins]})
  const rec = new EventRecorder(kernel)
  const r: Rig = {
    kernel,
    fleet,
    rec,
    env,
    play: (command, extra = {}) => runPlay(kernel, r.env, {command, containers: ALL, options: {}, ...extra}),
  }
  return r
}

/** Clears recorded calls and events between two plays of one test. */
export function reset(r: Rig): void {
  for (const d of r.fleet.ships.values()) d.calls.length = 0
  r.rec.events.length = 0
}
