/** Which container `maestro exec NAME` means: a container, or the one instance of a service. */
import {MaestroError} from '../api/errors.js'
import {unknownThing} from '../graph/select.js'
import type {Environment} from '../model/types.js'

export function execTarget(environment: Environment, name: string): string {
  if (name in environment.containers) return name
  const service = environment.services[name]
  if (!service) throw unknownThing(environment, name)
  if (service.instances.length === 1) return service.instances[0]
  throw new MaestroError('MAESTRO_USAGE', `${name} is a service with ${service.instances.length} containers: exec needs one of them (${service.instances.join(', ')})`)
}
