/** Reads a Docker log stream (strings or bytes) as UTF-8 text until it ends or `signal` aborts. */
import type {Readable} from 'node:stream'
import {StringDecoder} from 'node:string_decoder'

export async function pump(stream: Readable, onText: (text: string) => Promise<void>, signal: AbortSignal): Promise<void> {
  const decoder = new StringDecoder('utf8')
  const stop = () => stream.destroy()
  if (signal.aborted) stop()
  signal.addEventListener('abort', stop, {once: true})
  try {
    for await (const chunk of stream) await onText(typeof chunk === 'string' ? chunk : decoder.write(chunk as Buffer))
    await onText(decoder.end())
  } catch (error) {
    if (!signal.aborted) throw error
  } finally {
    signal.removeEventListener('abort', stop)
    stream.destroy()
  }
}
