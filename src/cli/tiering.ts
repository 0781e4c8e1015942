/**
 * V8 optimises a function (TurboFan, on a background thread) once it has run about 66 KiB of bytecode, its
 * `--interrupt-budget`. A cold start runs most of its code once or a few times (module bodies, oclif's config, the
 * YAML parser over one file, the model's checks), so optimising it costs more CPU than it saves. The CLI raises the
 * budget for its start-up and puts Node 20's default back once the environment is loaded, so the play, which runs
 * the same code for every container, tiers up as before. Left alone when the user sets the budget themselves.
 */
import {setFlagsFromString} from 'node:v8'

export const DEFAULT_INTERRUPT_BUDGET = 67_584
export const STARTUP_INTERRUPT_BUDGET = 8 * DEFAULT_INTERRUPT_BUDGET

const userSet = (argv: readonly string[], nodeOptions: string | undefined): boolean =>
  [...argv, nodeOptions ?? ''].some((a) => /--interrupt[-_]budget\b/.test(a))

let raised = false

export function startupTiering(argv: readonly string[] = process.execArgv, nodeOptions = process.env.NODE_OPTIONS): boolean {
  if (userSet(argv, nodeOptions)) return false
  setFlagsFromString(`--interrupt-budget=${STARTUP_INTERRUPT_BUDGET}`)
  return (raised = true)
}

/** Back to V8's default, once (a no-op when startupTiering() did not raise it). */
export function steadyTiering(): boolean {
  if (!raised) return false
  setFlagsFromString(`--interrupt-budget=${DEFAULT_INTERRUPT_BUDGET}`)
  raised = false
  return true
}
