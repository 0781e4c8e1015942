/**
 * A DockerClient (src/api/docker.ts) over docker-modem 5, shared by the transport plugins.
 * docker-modem is imported lazily, on the first request.
 *
 *   createDockerClient(ship, {endpoint: 'tcp://10.0.0.1:2375', host: '10.0.0.1', port: 2375}, {})
 *
 * Behaviour: 404 from inspect is `undefined`, and removing an absent container is not an error;
 * daemon errors are `MAESTRO_DOCKER` with `<ship>: <daemon message>`; refused/unreachable/
 * timed-out/TLS failures are `MAESTRO_SHIP_UNREACHABLE`. New sockets must connect within
 * `ship.timeout` seconds; ordinary requests get `ship.timeout` for the whole answer; streams (logs,
 * events, exec output) only until the response headers; stop gets its stop timeout plus a margin;
 * a pull waits for the daemon (which reports registry failures itself).
 * `api_version: auto` asks `GET /version` once and uses min(1.41, daemon's).
 * `stats.requests` counts API requests, `stats.connections` sockets opened by the agent (one
 * keep-alive agent per client, so sequential requests share one connection; at most
 * MAX_SOCKETS_PER_SHIP at once, more requests queue). `logs -f`, event streams and attached execs
 * (`execAttach`, a hijacked `exec start`) open their own connection outside that pool.
 * See DockerModemOptions for passing a custom agent (the SSH transport does).
 */
import type {DockerClient, Ship} from '../../src/api/index.js'
import {ModemDockerClient} from './client.js'
import type {DockerClientHooks, DockerModemOptions} from './connection.js'

export type {DockerClientHooks, DockerModemOptions} from './connection.js'
export {MAX_SOCKETS_PER_SHIP} from './connection.js'
export {CLIENT_MAX_API_VERSION, negotiateApiVersion, compareApiVersions} from './api-version.js'
export {DemuxSplitter, DemuxStream, JsonLinesStream} from './streams.js'
export {PullProgressTracker, pullQuery} from './pull-progress.js'
export {toMaestroError} from './errors.js'

export function createDockerClient(ship: Ship, modemOptions: DockerModemOptions, hooks: DockerClientHooks = {}): DockerClient {
  return new ModemDockerClient(ship, modemOptions, hooks)
}
