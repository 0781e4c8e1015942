import {execFile} from 'node:child_process'
import {promisify} from 'node:util'
import type {LabShip} from '../helpers/lab.js'

const run = promisify(execFile)

/** The docker CLI against one lab ship's socket (test setup only: push, rmi, login). */
export async function dockerCli(ship: LabShip, args: readonly string[], options: {input?: string; config?: string} = {}): Promise<string> {
  const pre = ['-H', `unix://${ship.socket}`, ...(options.config ? ['--config', options.config] : [])]
  if (options.input === undefined) {
    const {stdout} = await run('docker', [...pre, ...args], {timeout: 120_000, maxBuffer: 1 << 22})
    return stdout
  }
  return new Promise((resolve, reject) => {
    const child = execFile('docker', [...pre, ...args], {timeout: 120_000}, (error, stdout, stderr) =>
      error ? reject(new Error(`docker ${args.join(' ')}: ${stderr || error.message}`)) : resolve(stdout))
    child.stdin?.end(options.input)
  })
}
