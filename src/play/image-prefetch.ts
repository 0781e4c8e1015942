import type {DockerClient} from '../api/docker.js'
import {withDefaultTag} from '../docker/image-ref.js'
import type {ObservedContainer} from '../plan/observed.js'
import {presenceKey} from './image.js'
import type {PlayScope} from './task-context.js'

/**
 * `start` asks whether each image is on its ship when the play begins, for every container it will bring up (not
 * running, no `-r`), instead of when each container's dependencies are up: a level's image checks then cost no
 * round trip on the critical path. Still one question per (ship, image); a missing image is pulled by the task, as
 * before, and a failed question is the task's error (nothing is reported here). Asked before the deploy lock is
 * taken, so the two overlap.
 */
export function prefetchImages(scope: Pick<PlayScope, 'environment' | 'action' | 'options' | 'shared'>, names: readonly string[], observed: ReadonlyMap<string, ObservedContainer>, clientOf: (ship: string) => DockerClient): void {
  if (scope.action !== 'start' || scope.options.refreshImages) return
  for (const name of names) {
    if (observed.get(name)?.running) continue
    const {ship, image} = scope.environment.containers[name]
    const ref = withDefaultTag(image)
    const key = presenceKey(ship, ref)
    if (scope.shared.has(key)) continue
    const asked = clientOf(ship).inspectImage(ref)
    asked.catch(() => undefined)
    scope.shared.set(key, asked)
  }
}
