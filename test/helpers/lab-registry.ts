import {spawn, execFile, type ChildProcess} from 'node:child_process'
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {createServer, connect} from 'node:net'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {promisify} from 'node:util'
import type {Lab} from './lab.js'

const run = promisify(execFile)
const REGISTRY_SH = fileURLToPath(new URL('../../../test/lab/registry.sh', import.meta.url))

/** Runs test/lab/registry.sh for `lab` (`up USER PASSWORD PORT` starts a registry with login, `down` removes it). */
export const labRegistrySh = (lab: Lab, ...args: string[]): Promise<{stdout: string; stderr: string}> =>
  run('bash', [REGISTRY_SH, ...args], {env: {...process.env, LAB_ID: String(lab.id)}, timeout: 120_000})

/** A throwaway anonymous registry (Debian's docker-registry) on the lab bridge, which ships trust as insecure. */
export interface LabRegistry {
  /** `10.231.<id>.1:<port>` */
  readonly address: string
  /** Pushes the lab image plus a fresh unique layer from ship `index` as `<address>/<repo>`. */
  push(index: number, repo: string): Promise<string>
  /** Removes `ref` from ship `index` (ignoring absence). */
  removeImage(index: number, ref: string): Promise<void>
  stop(): Promise<void>
}

const freePort = (host: string): Promise<number> =>
  new Promise((resolve, reject) => {
    const s = createServer()
    s.once('error', reject)
    s.listen(0, host, () => {
      const {port} = s.address() as {port: number}
      s.close(() => resolve(port))
    })
  })

const listening = async (host: string, port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const s = connect({host, port}, () => (s.end(), resolve(true)))
    s.on('error', () => resolve(false))
  })

export async function startLabRegistry(lab: Lab): Promise<LabRegistry> {
  const host = lab.gateway
  const port = await freePort(host)
  const dir = mkdtempSync(join(tmpdir(), 'maestro-registry-'))
  writeFileSync(join(dir, 'config.yml'), `version: 0.1\nlog: {level: error}\nstorage: {filesystem: {rootdirectory: ${dir}/data}}\nhttp: {addr: "${host}:${port}"}\n`)
  const child: ChildProcess = spawn('docker-registry', ['serve', join(dir, 'config.yml')], {stdio: 'ignore'})
  for (let i = 0; i < 100 && !(await listening(host, port)); i++) await new Promise((r) => setTimeout(r, 50))
  const address = `${host}:${port}`
  return {
    address,
    async push(index, repo) {
      const socket = `unix://${lab.ships[index - 1]!.socket}`
      const ref = `${address}/${repo}`
      const builder = `registry-push-${process.pid}-${Date.now()}`
      await run('docker', ['-H', socket, 'run', '--name', builder, lab.image, 'sh', '-c', `echo ${builder} >/stamp`])
      await run('docker', ['-H', socket, 'commit', builder, ref])
      await run('docker', ['-H', socket, 'rm', builder])
      await run('docker', ['-H', socket, 'push', ref])
      await run('docker', ['-H', socket, 'rmi', ref])
      return ref
    },
    async removeImage(index, ref) {
      await run('docker', ['-H', `unix://${lab.ships[index - 1]!.socket}`, 'rmi', '-f', ref]).catch(() => undefined)
    },
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve))
      child.kill()
      await exited
      rmSync(dir, {recursive: true, force: true})
    },
  }
}
