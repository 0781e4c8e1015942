/** `maestro exec`: a command in a running container, on whatever ship it runs, attached to the caller's terminal. */
import type {Readable, Writable} from 'node:stream'
import {ExitCode, MaestroError, unreachableError} from '../api/errors.js'
import type {TransportFlags} from '../api/contracts.js'
import type {ContainerState, DockerClient, ExecSession} from '../api/docker.js'
import type {Environment} from '../model/types.js'
import type {PlayHost} from '../play/services.js'
import {shipClients} from '../play/ships.js'
import {attachTerminal, type TerminalIn, type TerminalOut} from './terminal.js'

export interface ExecOptions {
  /** `-i`: forward stdin (default: when stdin is a terminal). */
  readonly interactive?: boolean
  /** `-t`: allocate a pseudo-terminal (default: when stdin and stdout are terminals). */
  readonly tty?: boolean
  readonly user?: string
  readonly workingDir?: string
  readonly transportFlags?: TransportFlags
}

export interface ExecIO {
  readonly stdin: Readable & TerminalIn
  readonly stdout: Writable & TerminalOut
  readonly stderr: Writable
  readonly env: Readonly<Record<string, string | undefined>>
  readonly signal: AbortSignal
}

/** Runs `cmd` in container `name` (already resolved); resolves to the command's exit code. */
export async function runExec(host: PlayHost, environment: Environment, name: string, cmd: readonly string[], options: ExecOptions, io: ExecIO): Promise<number> {
  const shipName = environment.containers[name].ship
  const clients = shipClients(host.playServices(), environment, {env: io.env, transportFlags: options.transportFlags})
  try {
    const client = clients.get(shipName)
    if (!client.execAttach) throw new MaestroError('MAESTRO_NO_PROVIDER', `the transport of ship ${shipName} cannot attach to an exec`)
    const info = await client.inspectContainer(name).catch((error: unknown) => {
      throw unreachableError(shipName, client.endpoint, error)
    })
    if (!info) throw new MaestroError('MAESTRO_ACTION_FAILED', `${name} does not exist on ${shipName} (create it with: maestro start ${name})`)
    if (!info.State.Running || info.State.Paused === true) {
      throw new MaestroError('MAESTRO_ACTION_FAILED', `${name} is not running on ${shipName} (${stateWords(info.State)})`)
    }
    const interactive = options.interactive ?? io.stdin.isTTY === true
    const tty = options.tty ?? (io.stdin.isTTY === true && io.stdout.isTTY === true)
    return await attached(client, info.Id, cmd, {interactive, tty, options}, io)
  } finally {
    await clients.closeAll()
  }
}

async function attached(
  client: DockerClient, id: string, cmd: readonly string[], mode: {interactive: boolean; tty: boolean; options: ExecOptions}, io: ExecIO,
): Promise<number> {
  const terminal = attachTerminal(io.stdin, io.stdout, mode.tty && mode.interactive)
  let session: ExecSession | undefined
  const onAbort = () => session?.close()
  io.signal.addEventListener('abort', onAbort, {once: true})
  try {
    session = await client.execAttach!(id, cmd, {
      tty: mode.tty,
      ...(mode.interactive ? {stdin: io.stdin} : {}),
      stdout: io.stdout,
      stderr: io.stderr,
      ...(mode.options.user !== undefined ? {user: mode.options.user} : {}),
      ...(mode.options.workingDir !== undefined ? {workingDir: mode.options.workingDir} : {}),
      ...(mode.tty && terminal.size() ? {size: terminal.size()} : {}),
    })
    const open = session
    terminal.onResize((size) => void open.resize(size).catch(() => undefined))
    const code = await session.exitCode
    return io.signal.aborted ? ExitCode.INTERRUPTED : code
  } finally {
    io.signal.removeEventListener('abort', onAbort)
    terminal.restore()
  }
}

/** `exited, exit code 3`, `paused`, `created`: why a container cannot run a command. */
function stateWords(state: ContainerState): string {
  if (state.Paused === true) return 'paused'
  return state.Status === 'exited' || state.Status === 'dead' ? `${state.Status}, exit code ${state.ExitCode}` : state.Status
}
