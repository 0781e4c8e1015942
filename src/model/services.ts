import type {Container, Service} from './types.js'
import {suggest, type Scope} from './issues.js'
import type {NormalizeContext} from './context.js'
import {didYouMean} from './did-you-mean.js'
import {INSTANCE_KEYS, SERVICE_KEYS} from './instance-keys.js'
import {readEnv, readEnvfileList} from './env-values.js'
import {parseLifecycle} from './lifecycle.js'
import {normalizeInstance, readLimits, readPorts, type ServiceParts} from './instances.js'
import {readBool, readMap, readString, readStringList, type RawMap} from './read.js'
import {orderedEntries, withKeyOrder} from './key-order.js'
import {readUpdate, startFirstConflict} from './update.js'

export interface NormalizedServices {
  readonly services: Record<string, Service>
  readonly containers: Record<string, Container>
}

function serviceKeyHint(key: string): string {
  if (INSTANCE_KEYS.has(key)) return `only instances accept '${key}'`
  return suggest(key, SERVICE_KEYS)
}

function serviceParts(ctx: NormalizeContext, s: Scope, name: string, raw: RawMap): ServiceParts {
  const image = readString(s, ['image'], raw.image)
  if (raw.image === undefined || raw.image === null) s.error([], `service has no 'image'`, 'key')
  const envfiles = readEnvfileList(s, raw.envfile)
  for (const e of envfiles) ctx.checkEnvfile(s, e.file, e.at)
  return {
    name,
    ...(image === undefined ? {} : {image}),
    env: readEnv(s, raw.env),
    envfiles: envfiles.map((e) => e.file),
    sensitiveEnv: readStringList(s, ['sensitive_env'], raw.sensitive_env),
    ports: readPorts(s, raw.ports),
    limits: readLimits(s, raw.limits),
    lifecycle: parseLifecycle(s, raw.lifecycle, ctx.rules),
  }
}

/** Every service and its instances; instance names must be unique across services. */
export function normalizeServices(ctx: NormalizeContext, data: RawMap): NormalizedServices {
  const top = ctx.sink.scope([], 'the top level')
  const services: Record<string, Service> = {}
  const containers: Record<string, Container> = {}
  const [serviceOrder, order]: string[][] = [[], []]
  // MaestroNG accepts an environment without services (ships only); it has nothing to orchestrate.
  if (data.services === undefined || data.services === null) top.warn([], `no 'services': the environment has nothing to orchestrate`)
  for (const [name, rawService] of orderedEntries(readMap(top, ['services'], data.services))) {
    const s = ctx.sink.scope(['services', name], `service ${name}`)
    const raw = readMap(s, [], rawService)
    s.checkKeys(raw, SERVICE_KEYS, serviceKeyHint)
    const parts = serviceParts(ctx, s, name, raw)
    if (raw.instances === undefined || raw.instances === null) s.error([], `service has no 'instances'`, 'key')
    const instances: string[] = []
    for (const [instance, rawInstance] of orderedEntries(readMap(s, ['instances'], raw.instances))) {
      const is = s.child(['instances', instance], `instance ${instance}`)
      const owner = containers[instance]?.service
      if (owner !== undefined) {
        is.error([], `instance '${instance}' is already defined in service '${owner}'`, 'key')
        continue
      }
      containers[instance] = normalizeInstance(ctx, is, readMap(is, [], rawInstance), parts)
      order.push(instance)
      instances.push(instance)
    }
    const update = readUpdate(s, raw.update)
    if (update?.order === 'start-first') {
      for (const instance of instances) {
        const conflict = startFirstConflict(containers[instance])
        if (conflict) s.error(['update', 'order'], `update.order start-first: ${conflict}`)
      }
    }
    serviceOrder.push(name)
    services[name] = {
      name,
      image: parts.image ?? '',
      requires: readStringList(s, ['requires'], raw.requires),
      wantsInfo: readStringList(s, ['wants_info'], raw.wants_info),
      omit: readBool(s, ['omit'], raw.omit, false),
      instances,
      ...(update === undefined ? {} : {update: {...update, loc: ctx.sink.locate(s.at('update'), 'key')}}),
      loc: ctx.sink.locate(s.path, 'key'),
    }
  }
  return {services: withKeyOrder(services, serviceOrder), containers: withKeyOrder(containers, order)}
}
