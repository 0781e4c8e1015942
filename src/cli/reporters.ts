/** `--reporter name[=target]`: resolves reporter factories by name and attaches them to the bus. */
import {createWriteStream, mkdirSync} from 'node:fs'
import {dirname, resolve} from 'node:path'
import type {Writable} from 'node:stream'
import {MaestroError, describeError} from '../api/errors.js'
import {unknownProvider} from '../kernel/unknown-provider.js'
import type {ReporterContext} from '../api/contracts.js'
import type {Session} from '../session/session.js'

export interface ReporterSpec {
  readonly name: string
  readonly target?: string
}

export function parseReporterSpec(text: string): ReporterSpec {
  const eq = text.indexOf('=')
  return eq < 0 ? {name: text.trim()} : {name: text.slice(0, eq).trim(), target: text.slice(eq + 1)}
}

export type ReporterOptions = Record<string, Record<string, string>>

/** `--reporter-option name.key=value`, repeatable; each for a reporter given with --reporter. */
export function parseReporterOptions(texts: readonly string[], selected: readonly string[]): ReporterOptions {
  const options: ReporterOptions = {}
  for (const text of texts) {
    const m = /^([^.=\s]+)\.([^=\s]+)=(.*)$/s.exec(text)
    if (!m) throw new MaestroError('MAESTRO_USAGE', `--reporter-option wants NAME.KEY=VALUE, got '${text}'`)
    const [, name, key, value] = m as unknown as [string, string, string, string]
    if (!selected.includes(name)) throw new MaestroError('MAESTRO_USAGE', `--reporter-option ${name}.${key}: no --reporter ${name} is selected`)
    ;(options[name] ??= {})[key] = value
  }
  return options
}

export interface OutputOptions {
  readonly progress: 'auto' | 'tty' | 'plain'
  readonly color: boolean
  readonly showHosts: boolean
  /** The command prints data on stdout (JSON): reporters without a file target stay silent. */
  readonly stdoutIsData: boolean
  /** `--reporter-option` values, by reporter name. */
  readonly reporterOptions?: readonly string[]
}

function contextFor(spec: ReporterSpec, o: OutputOptions, options: Readonly<Record<string, unknown>>): {context: ReporterContext; close: () => Promise<void>} {
  const noColor = !o.color || (process.env.NO_COLOR ?? '') !== ''
  if (spec.target) {
    const path = resolve(spec.target)
    try {
      mkdirSync(dirname(path), {recursive: true})
    } catch (e) {
      throw new MaestroError('MAESTRO_USAGE', `cannot write ${spec.target}: ${describeError(e)}`)
    }
    const out = createWriteStream(path)
    let failure: Error | undefined
    out.on('error', (e) => (failure ??= e)) // reported by close(), never an unhandled 'error' event
    const close = () => new Promise<void>((res, rej) => {
      if (failure || out.destroyed) return failure ? rej(new Error(`cannot write ${spec.target}: ${failure.message}`)) : res()
      out.end(() => (failure ? rej(new Error(`cannot write ${spec.target}: ${failure.message}`)) : res()))
    })
    return {context: {out, target: spec.target, isTTY: false, color: false, progress: 'plain', columns: 0, options, showHosts: o.showHosts}, close}
  }
  const out: Writable = process.stdout
  const isTTY = process.stdout.isTTY === true
  const progress = o.progress === 'auto' ? (isTTY && !noColor ? 'tty' : 'plain') : o.progress
  const columns = process.stdout.columns ?? Number(process.env.COLUMNS ?? 0)
  return {context: {out, isTTY, color: !noColor && progress === 'tty', progress, columns, options, showHosts: o.showHosts}, close: async () => {}}
}

/** Every spec is checked before any is attached, so a typo creates no report file. */
export function attachReporters(session: Session, specs: readonly string[], o: OutputOptions): void {
  const available = session.reporterNames()
  const parsed = specs.map(parseReporterSpec)
  const unknown = parsed.find((s) => !available.includes(s.name))
  if (unknown) throw new MaestroError('MAESTRO_USAGE', unknownProvider('reporter', unknown.name, available))
  const options = parseReporterOptions(o.reporterOptions ?? [], parsed.map((s) => s.name))
  for (const s of parsed.filter((s) => s.target !== undefined || !o.stdoutIsData)) {
    const {context, close} = contextFor(s, o, options[s.name] ?? {})
    session.attachReporter(s.name, context, close)
  }
}
