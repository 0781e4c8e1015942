/** Reads the environment file (or stdin for `-`) into the session. */
import type {LoadedEnvironment} from '../model/load.js'
import type {Session} from '../session/session.js'

// Read asynchronously here rather than by the loader's synchronous fallback, so Ctrl-C still works while waiting.
async function readStdin(): Promise<string> {
  const chunks: Buffer[] = []
  for await (const c of process.stdin) chunks.push(c as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

export async function loadEnvironmentFile(session: Session, file: string): Promise<LoadedEnvironment> {
  const stdin = file === '-' ? await readStdin() : undefined
  return session.load(file, {stdin})
}
