import {Command, Errors, type Interfaces} from '@oclif/core'
import {globalFlags} from './flags.js'
import {bootSession} from './boot.js'
import {renderError, isExitSignal, usageContext} from './errors.js'
import {attachReporters, parseReporterSpec} from './reporters.js'
import {loadEnvironmentFile} from './load.js'
import {attachDiagnostics} from './diagnostics.js'
import {ExitCode, MaestroError, formatIssue} from '../api/errors.js'
import {InFlight} from './in-flight.js'
import {steadyTiering} from './tiering.js'
import {STOP_SIGNALS, interruption, signalExit, windingDown, type StopSignal} from './signals.js'
import {playRequest, runAction, type PlayFlags} from './play.js'
import type {PlayOptions, PlayRequest, PlayResult} from '../play/types.js'
import type {Environment} from '../model/types.js'
import type {Action} from '../api/events.js'
import type {Session} from '../session/session.js'
import type {LoadedEnvironment} from '../model/load.js'

/** How long reporters and notifiers get to finish after a signal that came outside a play. */
const FINISH_BOUND_MS = 10_000
/** How long they get after a second signal. */
const QUIT_BOUND_MS = 1_000

export type GlobalFlags = Interfaces.InferredFlags<typeof MaestroCommand.baseFlags>

/**
 * Every maestro command extends this: global flags, the session (plugins, reporters) in `init()`, one-line
 * errors and exit codes in `catch()`, the session's awaited teardown in `finally()`. Commands parse their flags,
 * call the session and render.
 */
export abstract class MaestroCommand extends Command {
  static override baseFlags = globalFlags

  protected session!: Session
  protected globals!: GlobalFlags
  /** Aborted on Ctrl-C, SIGTERM or SIGHUP; plays stop starting new work and the command exits 128 + the signal. */
  protected readonly abort = new AbortController()
  private loading?: Promise<LoadedEnvironment>
  private warned = 0
  /** `--lock-timeout` of the commands that change containers. */
  private lockTimeout?: number
  private exitCode = 0
  private playing = false
  private stoppedBy?: StopSignal
  /** Set once a signal or the --timeout stopped the command: the exit code it ends with. */
  private stopExit?: number
  private deadline?: NodeJS.Timeout
  private quitting = false
  private readonly inFlight = new InFlight()
  /** The console reporter prints on stdout: a failed play's `ERROR:` line need not repeat its reasons. */
  private failuresShown = false
  private readonly onSignal = (signal: NodeJS.Signals) => this.interrupt(signal as StopSignal)

  /** Commands that run until stopped (`events`) override this: a first signal then ends them with exit 0, quietly. */
  protected endsOnSignal(): boolean {
    return false
  }

  /** Commands that print data on stdout (JSON) override this so reporters keep stdout clean. */
  protected stdoutIsData(_flags: Record<string, unknown>): boolean {
    return false
  }

  override async init(): Promise<void> {
    await super.init()
    const {flags} = await this.parse(this.ctor as typeof MaestroCommand)
    this.globals = flags as GlobalFlags
    this.lockTimeout = (flags as Record<string, unknown>)['lock-timeout'] as number | undefined
    this.session = await bootSession(this.config, this.globals['plugin-option'])
    this.warnProblems()
    attachDiagnostics(this.session.events, this.globals.debug)
    this.failuresShown = this.globals.reporter.some((r) => {
      const spec = parseReporterSpec(r)
      return spec.name === 'console' && spec.target === undefined
    }) && !this.stdoutIsData(flags as Record<string, unknown>)
    attachReporters(this.session, this.globals.reporter, {
      progress: this.globals.progress,
      color: this.globals.color,
      showHosts: (flags as Record<string, unknown>)['show-hosts'] === true,
      stdoutIsData: this.stdoutIsData(flags as Record<string, unknown>),
      reporterOptions: this.globals['reporter-option'],
    })
    this.inFlight.attach(this.session.events)
    for (const s of STOP_SIGNALS) process.on(s, this.onSignal)
    const seconds = this.globals.timeout
    if (seconds !== undefined) this.deadline = setTimeout(() => this.timedOut(seconds), seconds * 1000).unref()
  }

  /** The environment file, loaded once, on first use (offline commands that do not need it never read it). */
  protected async loaded(): Promise<LoadedEnvironment> {
    // said once the stop signals are handled, so a test (or a user) knows Ctrl-C now ends the wait
    if (this.globals.file === '-' && this.globals.debug && this.loading === undefined) process.stderr.write('debug: reading the environment file from stdin\n')
    this.loading ??= loadEnvironmentFile(this.session, this.globals.file).then((l) => {
      steadyTiering()
      this.warnProblems()
      for (const w of l.warnings) process.stderr.write(`${formatIssue(w)}\n`)
      return l
    })
    return this.loading
  }

  /** Plugins that could not be used, one warning line each, once (a file's `plugins:` block may add some). */
  private warnProblems(): void {
    const problems = this.session.problems
    for (const p of problems.slice(this.warned)) process.stderr.write(`warning: ${p.message}\n`)
    this.warned = problems.length
  }

  /** Runs an engine play on the selected things; a failed play throws (exit 1, or 130 when interrupted). */
  protected async play(action: Action, things: readonly string[], flags: PlayFlags, options: PlayOptions = {}): Promise<void> {
    const {environment} = await this.loaded()
    await this.runPlay(await playRequest(environment, action, things, flags, this.abort.signal, options))
  }

  /** Runs an already built play request (commands that chain plays, such as `down`); a failed play throws. */
  protected async runPlay(play: PlayRequest): Promise<void> {
    await this.whilePlaying(play, (request) => runAction(this.session, request, {out: process.stdout, err: process.stderr, failuresShown: this.failuresShown}))
  }

  /** Runs an engine play and returns its result, showing nothing of it (commands that print it as data); never throws for a failed play. */
  protected async playResult(action: Action, things: readonly string[], flags: PlayFlags, options: PlayOptions = {}): Promise<{environment: Environment; result: PlayResult}> {
    const {environment} = await this.loaded()
    const result = await this.whilePlaying(await playRequest(environment, action, things, flags, this.abort.signal, options), (request) => this.session.runPlay(request))
    return {environment, result}
  }

  private async whilePlaying<T>(play: PlayRequest, run: (request: PlayRequest) => Promise<T>): Promise<T> {
    const request = {...play, scheduler: this.globals.scheduler, lock: {timeoutSeconds: this.lockTimeout, command: this.id}}
    this.playing = true
    try {
      return await run(request)
    } finally {
      this.playing = false
    }
  }

  private interrupt(signal: StopSignal): void {
    if (this.stoppedBy) return void this.quitNow()
    this.stoppedBy = signal
    // a terminal that hung up fails every write: the reporters' files matter then, not the screen
    if (signal === 'SIGHUP') for (const out of [process.stdout, process.stderr]) out.on('error', () => undefined)
    if (this.stopExit !== undefined) return // the --timeout already stopped it; this signal only arms the second one
    if (this.endsOnSignal() && !this.playing) {
      this.stopExit = ExitCode.OK
      return void this.abort.abort(interruption(signal))
    }
    this.windDown(windingDown(signal), interruption(signal))
  }

  /** The command's --timeout ran out: the same as a first signal, exit 1. */
  private timedOut(seconds: number): void {
    if (this.stopExit !== undefined) return
    this.windDown(`timed out after ${seconds} s (--timeout): finishing actions in flight`, new MaestroError('MAESTRO_TIMEOUT', `timed out after ${seconds} s`, {exit: ExitCode.ACTION_FAILED}))
  }

  private windDown(message: string, reason: MaestroError): void {
    this.stopExit = reason.exit
    process.stderr.write(`\n${message}\n`)
    this.abort.abort(reason)
    // outside a play nothing is in flight: let the reporters and notifiers finish, then quit
    if (!this.playing) void this.finishThenQuit()
  }

  /**
   * The second signal: say what was left in flight and quit without waiting for it. Reporters get a moment to
   * close their files (so a JUnit file is whole, holding what was known), nothing more.
   */
  private async quitNow(): Promise<void> {
    if (this.quitting) return
    this.quitting = true
    for (const line of this.inFlight.lines()) process.stderr.write(`${line}\n`)
    await this.finishThenQuit(QUIT_BOUND_MS)
  }

  private async finishThenQuit(boundMs = FINISH_BOUND_MS): Promise<void> {
    const bound = new Promise((resolve) => setTimeout(resolve, boundMs).unref())
    await Promise.race([this.session.finish().catch(() => undefined), bound])
    process.exit(this.stopExit ?? signalExit(this.stoppedBy!))
  }

  /** Sets the exit code without an error message (e.g. `plan` exits 2 when something would change). */
  protected setExit(code: number): void {
    this.exitCode = code
  }

  override async catch(error: Interfaces.CommandError): Promise<void> {
    if (isExitSignal(error)) throw error
    this.session?.reportFailure(this.id ?? 'maestro', error)
    const debug = this.globals?.debug ?? (this.argv.includes('--debug') || process.env.MAESTRO_DEBUG !== undefined)
    const {lines, exit} = renderError(error, debug, usageContext(this.config.bin, this.id, {...this.ctor.baseFlags, ...this.ctor.flags}))
    for (const l of lines) process.stderr.write(`${l}\n`)
    this.exitCode = this.stopExit ?? exit
  }

  override async finally(error: Error | undefined): Promise<void> {
    clearTimeout(this.deadline)
    if (this.stopExit === undefined) for (const s of STOP_SIGNALS) process.off(s, this.onSignal)
    if (this.session) {
      const {errors, warnings} = await this.session.finish()
      for (const w of warnings) process.stderr.write(`warning: ${w}\n`)
      for (const e of errors) this.fail(e)
    }
    await super.finally(error)
    if (this.exitCode !== 0) throw new Errors.ExitError(this.exitCode)
  }

  private fail(message: string): void {
    process.stderr.write(`ERROR: ${message}\n`)
    if (this.exitCode === 0) this.exitCode = ExitCode.ACTION_FAILED
  }
}
