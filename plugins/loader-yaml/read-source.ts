import {readFileSync} from 'node:fs'
import {readFile} from 'node:fs/promises'
import {dirname, resolve} from 'node:path'
import {MaestroError, type LoadOptions} from '../../src/api/index.js'

export interface Source {
  /** Absolute path, or `<stdin>`. */
  readonly file: string
  readonly baseDir: string
  readonly text: string
}

export const STDIN = '<stdin>'

/** Reads the environment file: `-` is stdin (options.stdin when given), relative to the working directory. */
export async function readSource(file: string, options: LoadOptions): Promise<Source> {
  if (file === '-') return {file: STDIN, baseDir: process.cwd(), text: options.stdin ?? readStdin()}
  const path = resolve(file)
  try {
    return {file: path, baseDir: dirname(path), text: await readFile(path, 'utf8')}
  } catch (e) {
    throw readError(file, e)
  }
}

function readStdin(): string {
  try {
    return readFileSync(0, 'utf8')
  } catch (e) {
    throw readError('-', e)
  }
}

/** `maestro.yaml: no such file (ENOENT: no such file or directory)` */
function readError(file: string, e: unknown): MaestroError {
  const code = (e as NodeJS.ErrnoException).code
  const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : 'cannot read file'
  const detail = e instanceof Error ? e.message.replace(/, \w+ '.*'$/, '') : String(e)
  return new MaestroError('MAESTRO_CONFIG_NOT_FOUND', `${file}: ${reason} (${detail})`, {cause: e})
}
