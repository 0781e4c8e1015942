/** `maestro logs` without -F: every container's log read at once, printed grouped in list order. */
import {describeError} from '../api/errors.js'
import {Output, OrderedOutput} from './output.js'
import {pump} from './pump.js'
import type {ClientOf, LogOutcome, LogRequest, LogTarget} from './types.js'

export async function showLogs(targets: readonly LogTarget[], clientOf: ClientOf, request: LogRequest, output: Output, signal: AbortSignal): Promise<LogOutcome[]> {
  const ordered = new OrderedOutput(output, targets.length)
  const outcomes = await Promise.all(
    targets.map(async (t, i): Promise<LogOutcome> => {
      try {
        return await showOne(t, clientOf(t.ship), request, (pieces) => ordered.send(i, pieces), signal)
      } finally {
        await ordered.finish(i)
      }
    }),
  )
  await output.send([])
  return outcomes
}

async function showOne(
  t: LogTarget, client: ReturnType<ClientOf>, request: LogRequest, send: (pieces: ReturnType<LogTarget['format']['text']>) => Promise<void>, signal: AbortSignal,
): Promise<LogOutcome> {
  let info
  try {
    info = await client.inspectContainer(t.name)
  } catch (error) {
    await send([t.format.notice('host down')])
    return {down: error}
  }
  if (!info) {
    await send([t.format.notice(`${t.name} is not running! (no such container)`)])
    return 'absent'
  }
  try {
    const stream = await client.logs(info.Id, {tail: request.tail ?? 'all', timestamps: request.timestamps, since: request.since})
    await pump(stream, (text) => send(t.format.text(text)), signal)
    await send(t.format.end())
    return 'shown'
  } catch (error) {
    await send([...t.format.end(), t.format.notice(`cannot read the log: ${describeError(error)}`)])
    return 'failed'
  }
}
