/** The environment of a container, byte-for-byte as MaestroNG builds it (reference §3). */
import {readFileSync} from 'node:fs'
import {isAbsolute, resolve} from 'node:path'
import {MaestroError, describeError} from '../api/errors.js'
import type {EnvValue, Environment} from '../model/types.js'
import {parseImageRef} from '../docker/image-ref.js'
import {parseEnvfile} from './envfile-format.js'
import {infoServices, serviceLinkVars} from './link-vars.js'
import {orderedEntries} from '../model/key-order.js'
import {pythonStr} from './python-str.js'

export type EnvPair = readonly [string, string | null]
export type ReadFile = (absPath: string) => string

const readUtf8: ReadFile = (p) => readFileSync(p, 'utf8')

function readEnvfiles(env: Environment, files: readonly string[], readFile: ReadFile): Array<[string, string]> {
  return files.flatMap((file) => {
    const abs = isAbsolute(file) ? file : resolve(env.baseDir, file)
    let text: string
    try {
      text = readFile(abs)
    } catch (e) {
      throw new MaestroError('MAESTRO_CONFIG_INVALID', `cannot read envfile ${abs}: ${describeError(e)}`, {cause: e})
    }
    return parseEnvfile(text, abs)
  })
}

const rendered = (map: Readonly<Record<string, EnvValue>>): EnvPair[] => orderedEntries(map).map(([k, v]) => [k, pythonStr(v)])

/**
 * Ordered like the Python dict upstream builds: insertion order, a later value overwriting in place.
 * Precedence (later wins, §3.2): service envfiles, service env, MAESTRO_ENVIRONMENT_NAME/SERVICE_NAME;
 * instance envfiles; instance env; CONTAINER_NAME/CONTAINER_HOST_ADDRESS/DOCKER_IMAGE/DOCKER_TAG;
 * own-service link variables; dependency link variables.
 */
export function computeContainerEnv(env: Environment, containerName: string, readFile: ReadFile = readUtf8): EnvPair[] {
  const container = env.containers[containerName]
  if (!container) throw new MaestroError('MAESTRO_UNKNOWN_THING', `${containerName} is not a container of ${env.name}`)
  // the pairs themselves are kept (a service's link variables are shared by every container requiring it, not copied)
  const out = new Map<string, EnvPair>()
  const put = (pairs: Iterable<EnvPair>): void => {
    for (const pair of pairs) out.set(pair[0], pair)
  }
  put(readEnvfiles(env, container.serviceEnvfiles, readFile))
  put(rendered(container.serviceEnv))
  put([['MAESTRO_ENVIRONMENT_NAME', env.name], ['SERVICE_NAME', container.service]])
  put(readEnvfiles(env, container.envfiles, readFile))
  put(rendered(container.env))
  put([
    ['CONTAINER_NAME', container.name],
    ['CONTAINER_HOST_ADDRESS', env.ships[container.ship].ip],
    ['DOCKER_IMAGE', container.image],
    ['DOCKER_TAG', parseImageRef(container.image).dockerTag],
  ])
  put(serviceLinkVars(env, container.service, true))
  for (const dep of infoServices(env, container.service)) put(serviceLinkVars(env, dep, false))
  return [...out.values()]
}

/** Every key an envfile of the container sets (its values are secrets, src/env/sensitive.ts). */
export function envfileKeys(env: Environment, containerName: string, readFile: ReadFile = readUtf8): string[] {
  const c = env.containers[containerName]
  return c ? readEnvfiles(env, [...c.serviceEnvfiles, ...c.envfiles], readFile).map(([k]) => k) : []
}

/** Docker's `Env` list: `K=V`, or a bare `K` for a null value. */
export function toDockerEnv(pairs: readonly (readonly [string, string | null])[]): string[] {
  return pairs.map((pair) => {
    let text = dockerForm.get(pair)
    if (text === undefined) dockerForm.set(pair, (text = pair[1] === null ? pair[0] : `${pair[0]}=${pair[1]}`))
    return text
  })
}

/** Each pair's `K=V`, made once: a service's link variables are the same pair objects in every container requiring it. */
const dockerForm = new WeakMap<readonly [string, string | null], string>()
