/** Reads the environment file (or stdin for `-`) into the session. */
import {isMaestroError, MaestroError} from '../api/errors.js'
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
  return session.load(file, {stdin}).catch((e: unknown) => {
    throw isMaestroError(e) && e.code === 'MAESTRO_CONFIG_NOT_FOUND' && !e.hint ? withPointer(e) : e
  })
}

/** A missing file says how to point maestro at one. */
const withPointer = (e: MaestroError): MaestroError =>
  new MaestroError(e.code, e.message.replace(/ \(ENOENT[^)]*\)$/, ''), {cause: e.cause, loc: e.loc, exit: e.exit, hint: 'give the environment file with -f FILE or MAESTRO_FILE=FILE, or -f - for stdin'})
