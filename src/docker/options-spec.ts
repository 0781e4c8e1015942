/** The Engine API form of the container options MaestroNG never read (docs/configuration.md). Pure. */
import type {HostConfig} from '../api/docker.js'
import type {Container, Healthcheck} from '../model/types.js'
import {shlexSplit} from './shlex.js'

/** `''` or `[]` clear the image's entrypoint, which the Engine API spells `[""]`. */
export function entrypointArgv(entrypoint: Container['entrypoint']): string[] | undefined {
  if (entrypoint === undefined) return undefined
  const argv = typeof entrypoint === 'string' ? shlexSplit(entrypoint) : [...entrypoint]
  return argv.length === 0 ? [''] : argv
}

export function healthcheckSpec(h: Healthcheck | undefined): Record<string, unknown> | undefined {
  if (!h) return undefined
  return {Test: [...h.test], Interval: h.interval, Timeout: h.timeout, Retries: h.retries, StartPeriod: h.startPeriod}
}

/** Docker before API 1.44 takes one network at create; the others are connected before start (src/play/networks.ts). */
export function networkingConfig(c: Container): {EndpointsConfig: Record<string, {Aliases?: string[]}>} | undefined {
  const first = c.networks?.[0]
  if (!first) return undefined
  return {EndpointsConfig: {[first.name]: first.aliases.length > 0 ? {Aliases: [...first.aliases]} : {}}}
}

export function optionsHostConfig(c: Container): HostConfig {
  const config: HostConfig = {
    NetworkMode: c.networks?.[0]?.name,
    Tmpfs: c.tmpfs === undefined ? undefined : {...c.tmpfs},
    Devices: c.devices?.map((d) => ({PathOnHost: d.host, PathInContainer: d.container, CgroupPermissions: d.permissions})),
    Init: c.init,
    ReadonlyRootfs: c.readOnly,
    ShmSize: c.shmSize,
    Sysctls: c.sysctls === undefined ? undefined : {...c.sysctls},
    PidsLimit: c.pidsLimit,
    GroupAdd: c.groupAdd === undefined ? undefined : [...c.groupAdd],
    DeviceRequests: c.gpus?.map((g) => ({
      Driver: g.driver ?? '',
      Count: g.count ?? (g.deviceIds ? 0 : -1),
      DeviceIDs: g.deviceIds ? [...g.deviceIds] : null,
      Capabilities: [[...g.capabilities]],
      Options: {...g.options},
    })),
  }
  return Object.fromEntries(Object.entries(config).filter(([, v]) => v !== undefined))
}
