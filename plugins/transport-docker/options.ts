import {readFileSync, realpathSync} from 'node:fs'
import {homedir} from 'node:os'
import {isAbsolute, resolve} from 'node:path'
import {MaestroError, type Ship} from '../../src/api/index.js'
import type {DockerModemOptions} from '../docker-client/index.js'

/** `~` and `~/x` expanded, then resolved against the environment file's directory. */
export function resolvePath(path: string, baseDir: string): string {
  const expanded = path === '~' ? homedir() : path.startsWith('~/') ? `${homedir()}${path.slice(1)}` : path
  return isAbsolute(expanded) ? expanded : resolve(baseDir, expanded)
}

function realpathOrSame(path: string): string {
  try {
    return realpathSync(path)
  } catch {
    return path // missing now: the first request reports the ship unreachable
  }
}

function readTlsFile(ship: Ship, key: string, path: string | undefined, baseDir: string): Buffer | undefined {
  if (path === undefined) return undefined
  const file = resolvePath(path, baseDir)
  try {
    return readFileSync(file)
  } catch (e) {
    throw new MaestroError('MAESTRO_CONFIG_INVALID', `ship ${ship.name}: cannot read ${key} ${file}: ${(e as Error).message}`, {loc: ship.loc, cause: e})
  }
}

/** Where a ship's daemon is: `socket_path` wins; else `endpoint` (a host, or tcp://, https://, unix:// URL) and `docker_port`. */
export function shipModemOptions(ship: Ship, baseDir: string): DockerModemOptions {
  const url = /^[a-z]+:\/\//.test(ship.endpoint) ? new URL(ship.endpoint) : undefined
  const socket = ship.socketPath ?? (url?.protocol === 'unix:' ? url.pathname : undefined)
  if (socket !== undefined) {
    const socketPath = realpathOrSame(resolvePath(socket.replace(/^unix:\/\//, ''), baseDir))
    return {endpoint: `unix://${socketPath}`, socketPath}
  }
  const host = (url ? url.hostname : ship.endpoint).replace(/^\[(.*)\]$/, '$1')
  const port = url?.port ? Number(url.port) : ship.dockerPort
  const tls = ship.tls || url?.protocol === 'https:'
  if (!tls) return {endpoint: `tcp://${host}:${port}`, host, port}
  const ca = readTlsFile(ship, 'tls_ca_cert', ship.tlsCaCert, baseDir)
  const cert = readTlsFile(ship, 'tls_cert', ship.tlsCert, baseDir)
  const key = readTlsFile(ship, 'tls_key', ship.tlsKey, baseDir)
  return {
    endpoint: `https://${host}:${port}`,
    host,
    port,
    tls: {verify: ship.tlsVerify, ...(ca ? {ca} : {}), ...(cert ? {cert} : {}), ...(key ? {key} : {})},
  }
}
