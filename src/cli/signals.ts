/** The signals that stop a command the way Ctrl-C does, and what each one makes the command say and exit with. */
import {constants} from 'node:os'
import {MaestroError, type ExitCode} from '../api/errors.js'

export type StopSignal = 'SIGINT' | 'SIGTERM' | 'SIGHUP'

/** Ctrl-C, a CI runner cancelling the job, a terminal going away. */
export const STOP_SIGNALS: readonly StopSignal[] = ['SIGINT', 'SIGTERM', 'SIGHUP']

/** 128 + the signal number, as a shell reports a process the signal killed. */
export const signalExit = (signal: StopSignal): ExitCode => (128 + constants.signals[signal]) as ExitCode

/** The abort reason of a play stopped by `signal`; the play's error and exit code come from it. */
export function interruption(signal: StopSignal): MaestroError {
  return new MaestroError('MAESTRO_INTERRUPTED', signal === 'SIGINT' ? 'interrupted' : `interrupted by ${signal}`, {exit: signalExit(signal)})
}

/** What the command prints on the first signal. */
export function windingDown(signal: StopSignal): string {
  const what = signal === 'SIGINT' ? 'interrupted' : `${signal} received`
  return `${what}: finishing actions in flight (Ctrl-C or another signal quits now)`
}
