/**
 * The previous container of an instance (issue 18): the one an update replaced, kept stopped under
 * `<instance>.previous` until the next successful update of the instance, so that it can be put back. Docker labels
 * cannot change after creation: it keeps the labels it was created with (`io.maestro.container` names its
 * instance), and its Docker name says it is the previous one.
 */
import type {Environment} from '../model/types.js'
import {LABEL} from './labels.js'
import type {ObservedContainer} from './observed.js'

export const previousName = (instance: string): string => `${instance}.previous`

/** The instance of `environment` whose previous container `o` is, or undefined. */
export function previousOf(environment: Environment, o: Pick<ObservedContainer, 'name' | 'labels'>): string | undefined {
  const instance = o.labels[LABEL.container]
  if (!instance || o.labels[LABEL.environment] !== environment.name || o.name !== previousName(instance)) return undefined
  return environment.containers[instance] ? instance : undefined
}
