/**
 * A DockerClient for one lab ship, used by the ops e2e tests. Interim: a minimal docker-modem client over the
 * ship's unix socket covering what these tests call, until plugins/docker-client (wip/lab) lands.
 */
import Modem from 'docker-modem'
import type {ContainerInspect, CreateContainerBody, DockerClient, ExecResult, ImageInspect, PullProgress, RegistryAuth} from '../../src/api/index.js'
import type {Lab, LabShip} from '../helpers/lab.js'

type DialOptions = {path: string; method: string; options?: unknown; statusCodes: Record<number, boolean | string>; isStream?: boolean; authconfig?: unknown}

export function labClient(_lab: Lab, ship: LabShip): DockerClient {
  const modem = new Modem({socketPath: ship.socket})
  const dial = <T>(o: DialOptions): Promise<T> =>
    new Promise((resolve, reject) => modem.dial(o as never, (err: unknown, data: unknown) => (err ? reject(err as Error) : resolve(data as T))))
  const ok = {200: true, 201: true, 204: true, 304: true, 404: 'not found', 409: 'conflict', 500: 'server error'}
  const stats = {requests: 0, connections: 0}
  const client = {
    ship: ship.name,
    endpoint: `unix://${ship.socket}`,
    stats,
    async inspectContainer(id: string): Promise<ContainerInspect | undefined> {
      return dial<ContainerInspect>({path: `/containers/${encodeURIComponent(id)}/json`, method: 'GET', statusCodes: {200: true}}).catch((e: {statusCode?: number}) => {
        if (e.statusCode === 404) return undefined
        throw e
      })
    },
    createContainer: (name: string, body: CreateContainerBody) =>
      dial<{Id: string}>({path: '/containers/create?', method: 'POST', options: {_query: {name}, _body: body}, statusCodes: ok}),
    startContainer: async (id: string) => {
      await dial({path: `/containers/${id}/start`, method: 'POST', options: {}, statusCodes: ok})
    },
    removeContainer: async (id: string, o: {volumes?: boolean; force?: boolean} = {}) => {
      await dial({path: `/containers/${id}?`, method: 'DELETE', options: {v: o.volumes ?? false, force: o.force ?? false}, statusCodes: ok})
    },
    async inspectImage(ref: string): Promise<ImageInspect | undefined> {
      return dial<ImageInspect>({path: `/images/${ref}/json`, method: 'GET', statusCodes: {200: true}}).catch((e: {statusCode?: number}) => {
        if (e.statusCode === 404) return undefined
        throw e
      })
    },
    async pullImage(ref: string, auth: RegistryAuth | undefined, onProgress?: (p: PullProgress) => void): Promise<void> {
      const at = ref.lastIndexOf(':')
      const [fromImage, tag] = at > ref.lastIndexOf('/') ? [ref.slice(0, at), ref.slice(at + 1)] : [ref, 'latest']
      const stream = await dial<NodeJS.ReadableStream>({path: '/images/create?', method: 'POST', options: {fromImage, tag}, isStream: true, authconfig: auth ?? {}, statusCodes: ok})
      await new Promise<void>((resolve, reject) => modem.followProgress(stream, (err: Error | null, out: {error?: string}[]) => {
        const failed = err ?? out.find((o) => o.error)
        if (failed) reject(failed instanceof Error ? failed : new Error((failed as {error: string}).error))
        else resolve()
      }, (e: {status?: string}) => onProgress?.({status: e.status ?? ''})))
    },
    async exec(id: string, cmd: readonly string[]): Promise<ExecResult> {
      const {Id} = await dial<{Id: string}>({path: `/containers/${id}/exec`, method: 'POST', options: {AttachStdout: true, AttachStderr: true, Cmd: cmd}, statusCodes: ok})
      const stream = await dial<NodeJS.ReadableStream>({path: `/exec/${Id}/start`, method: 'POST', options: {Detach: false, Tty: false}, isStream: true, statusCodes: ok})
      const chunks: Buffer[] = []
      for await (const c of stream as AsyncIterable<Buffer>) chunks.push(c)
      const raw = Buffer.concat(chunks)
      let output = ''
      for (let i = 0; i + 8 <= raw.length; ) {
        const size = raw.readUInt32BE(i + 4)
        output += raw.subarray(i + 8, i + 8 + size).toString('utf8')
        i += 8 + size
      }
      const info = await dial<{ExitCode: number}>({path: `/exec/${Id}/json`, method: 'GET', statusCodes: ok})
      return {exitCode: info.ExitCode, output}
    },
    close: async () => undefined,
  }
  return client as unknown as DockerClient
}
