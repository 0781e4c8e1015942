/** Reads the environment file (or stdin for `-`) through the loader plugins and announces the result on the bus. */
import {Tokens} from '../api/tokens.js'
import {isMaestroError} from '../api/errors.js'
import type {Kernel} from '../kernel/kernel.js'
import type {LoadedEnvironment} from '../model/load.js'

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = []
  for await (const c of process.stdin) chunks.push(c as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

export async function loadEnvironmentFile(kernel: Kernel, file: string): Promise<LoadedEnvironment> {
  const {loadEnvironment} = await import('../model/load.js')
  const stdin = file === '-' ? await readStdin() : undefined
  const checkTypes = kernel.resolveAll(Tokens.Check).map((c) => c.type)
  try {
    const loaded = await loadEnvironment(kernel, file, {env: process.env, stdin, checkTypes})
    kernel.bus.emit('config:loaded', {file: loaded.document.file, environment: loaded.environment, warnings: loaded.warnings})
    return loaded
  } catch (error) {
    if (isMaestroError(error)) kernel.bus.emit('config:error', {file, error})
    throw error
  }
}
