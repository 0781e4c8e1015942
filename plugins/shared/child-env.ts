/** Variables Maestro reads for itself that no child process (exec checks, exec notifiers) may inherit. */
export const MAESTRO_SECRET_ENV: readonly string[] = ['MAESTRO_SSH_PASSPHRASE']

/** This process's environment without Maestro's own secrets, for spawning a child. */
export function childEnv(): NodeJS.ProcessEnv {
  const env = {...process.env}
  for (const k of MAESTRO_SECRET_ENV) delete env[k]
  return env
}
