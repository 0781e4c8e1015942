/** `docker exec` with the caller's streams: create the exec, hijack its start, copy both ways, read the exit code. */
import {pipeline} from 'node:stream'
import {MaestroError} from '../../src/api/index.js'
import type {ExecAttachOptions, ExecSession, TerminalSize} from '../../src/api/index.js'
import type {DialRequest, DockerConnection} from './connection.js'
import {DemuxSplitter} from './streams.js'

export interface ExecChannel {
  readonly ship: string
  readonly conn: DockerConnection
  /** Seconds an answer may take. */
  readonly timeout: number
  call<T>(request: Omit<DialRequest, 'timeout'>): Promise<T>
}

/** How often the exit code is read again while the daemon still reports the process running after its output ended. */
const EXIT_CODE_TRIES = 20
const EXIT_CODE_PAUSE_MS = 50

const id = (s: string): string => encodeURIComponent(s)

export async function execAttach(channel: ExecChannel, container: string, cmd: readonly string[], options: ExecAttachOptions): Promise<ExecSession> {
  const consoleSize = options.tty && options.size ? {ConsoleSize: [options.size.rows, options.size.columns]} : {}
  const {Id} = await channel.call<{Id: string}>({
    method: 'POST', path: `/containers/${id(container)}/exec`,
    body: {
      AttachStdin: options.stdin !== undefined, AttachStdout: true, AttachStderr: true, Tty: options.tty, Cmd: [...cmd],
      ...(options.user !== undefined ? {User: options.user} : {}),
      ...(options.workingDir !== undefined ? {WorkingDir: options.workingDir} : {}),
      ...consoleSize,
    },
  })
  const socket = await channel.conn.hijack({method: 'POST', path: `/exec/${id(Id)}/start`, body: {Detach: false, Tty: options.tty, ...consoleSize}, timeout: channel.timeout})
  const resize = async (size: TerminalSize): Promise<void> => {
    await channel.call({method: 'POST', path: `/exec/${id(Id)}/resize`, query: {h: size.rows, w: size.columns}})
  }
  const output = new Promise<void>((resolve, reject) => {
    pipeline(socket, new DemuxSplitter(options.stdout, options.stderr, options.tty), (err) => {
      options.stdin?.unpipe(socket)
      if (err) reject(new MaestroError('MAESTRO_DOCKER', `${channel.ship}: exec ${cmd.join(' ')}: connection lost: ${err.message}`, {cause: err}))
      else resolve()
    })
  })
  // the end of stdin half-closes the connection: the daemon then closes the process's stdin
  options.stdin?.pipe(socket)
  // API 1.42+ sizes the terminal from ConsoleSize; older daemons only through resize, once the process runs
  if (options.tty && options.size) await resize(options.size).catch(() => undefined)
  const exitCode = output.then(() => readExitCode(channel, Id))
  return {
    exitCode,
    resize,
    close: () => {
      options.stdin?.unpipe(socket)
      socket.destroy()
    },
  }
}

async function readExitCode(channel: ExecChannel, execId: string): Promise<number> {
  for (let i = 0; ; i++) {
    const info = await channel.call<{Running: boolean; ExitCode: number | null}>({method: 'GET', path: `/exec/${id(execId)}/json`})
    if (!info.Running && info.ExitCode !== null) return info.ExitCode
    if (i + 1 >= EXIT_CODE_TRIES) throw new MaestroError('MAESTRO_DOCKER', `${channel.ship}: the exec's output ended but the daemon reports it still running`)
    await new Promise((resolve) => setTimeout(resolve, EXIT_CODE_PAUSE_MS))
  }
}
