/** Reads the environment file (or stdin for `-`) through the loader plugins, with the check plugins' validation. */
import type {Kernel} from '../kernel/kernel.js'
import type {LoadedEnvironment} from '../model/load.js'

// Read asynchronously here rather than by the loader's synchronous fallback, so Ctrl-C still works while waiting.
async function readStdin(): Promise<string> {
  const chunks: Buffer[] = []
  for await (const c of process.stdin) chunks.push(c as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

export async function loadEnvironmentFile(kernel: Kernel, file: string): Promise<LoadedEnvironment> {
  const {checkPluginRules, loadEnvironment} = await import('../model/load.js')
  const stdin = file === '-' ? await readStdin() : undefined
  return loadEnvironment(kernel, file, {env: process.env, stdin, ...checkPluginRules(kernel)})
}
