/** The Engine API create body for a container, from every instance key of reference §2.5. Pure. */
import type {CreateContainerBody, HostConfig} from '../api/docker.js'
import {MaestroError} from '../api/errors.js'
import type {Container, Environment} from '../model/types.js'
import {toDockerEnv, type EnvPair} from '../env/compute.js'
import {withDefaultTag} from './image-ref.js'
import {exposedPortKeys, portBindings} from './port-bindings.js'
import {shlexSplit} from './shlex.js'
import {entrypointArgv, healthcheckSpec, networkingConfig, optionsHostConfig} from './options-spec.js'

const emptySet = (keys: readonly string[]): Record<string, Record<string, never>> => Object.fromEntries(keys.map((k) => [k, {}]))

/** Copies the entries whose value is defined and, for arrays and objects, not empty. */
function compact<T extends object>(value: T): T {
  const present = (v: unknown): boolean =>
    v !== undefined && !(Array.isArray(v) && v.length === 0) && !(typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length === 0)
  return Object.fromEntries(Object.entries(value).filter(([, v]) => present(v))) as T
}

export function commandArgv(command: Container['command']): string[] | undefined {
  if (command === undefined) return undefined
  return typeof command === 'string' ? shlexSplit(command) : [...command]
}

function hostConfig(c: Container): HostConfig {
  return compact<HostConfig>({
    Binds: c.volumes.map((v) => (v.mode ? `${v.host}:${v.target}:${v.mode}` : `${v.host}:${v.target}`)),
    PortBindings: portBindings(c.ports),
    VolumesFrom: [...c.volumesFrom],
    Links: Object.entries(c.links).map(([name, alias]) => `${name}:${alias}`),
    Privileged: c.privileged,
    CapAdd: [...c.capAdd],
    CapDrop: [...c.capDrop],
    SecurityOpt: [...c.securityOpt],
    ExtraHosts: Object.entries(c.extraHosts).map(([host, ip]) => `${host}:${ip}`),
    NetworkMode: c.net,
    Dns: [...c.dns],
    RestartPolicy: {Name: c.restart.name, MaximumRetryCount: c.restart.maximumRetryCount},
    Memory: c.limits.memory,
    MemorySwap: c.limits.swap,
    CpuShares: c.limits.cpu,
    Ulimits: c.ulimits.map((u) => ({Name: u.name, Soft: u.soft, Hard: u.hard})),
    LogConfig: c.logDriver === undefined ? undefined : {Type: c.logDriver, Config: {...c.logOpt}},
    LxcConf: Object.entries(c.lxcConf).map(([Key, Value]) => ({Key, Value})),
    ...optionsHostConfig(c),
  })
}

/**
 * `labels` are Maestro's own (drift digest etc.); they win over user labels of the same name.
 * Empty lists and maps are left out, so the body only says what the file says.
 */
export function buildCreateSpec(env: Environment, containerName: string, envPairs: readonly EnvPair[], labels: Readonly<Record<string, string>>): CreateContainerBody {
  const c = env.containers[containerName]
  if (!c) throw new MaestroError('MAESTRO_UNKNOWN_THING', `${containerName} is not a container of ${env.name}`)
  return compact<CreateContainerBody>({
    Image: withDefaultTag(c.image),
    Hostname: c.hostname ?? (c.net === undefined ? c.name : undefined),
    Domainname: c.domainname,
    Entrypoint: entrypointArgv(c.entrypoint),
    StopSignal: c.stopSignal,
    Healthcheck: healthcheckSpec(c.healthcheck),
    User: c.username,
    Env: toDockerEnv(envPairs),
    Cmd: commandArgv(c.command),
    WorkingDir: c.workdir,
    Volumes: emptySet([...new Set([...c.volumes.map((v) => v.target), ...c.containerVolumes])]),
    ExposedPorts: emptySet(exposedPortKeys(c.ports)),
    Labels: {...c.labels, ...labels},
    HostConfig: hostConfig(c),
    NetworkingConfig: networkingConfig(c),
  })
}
