/**
 * MaestroNG habit: `maestro [-f FILE] [command] [args...]`, and a bare `maestro` means `status`.
 * Global flags given before the command id are moved into the environment oclif reads them from; `-h` is `--help`.
 */
export function rewriteArgv(argv: readonly string[], env: NodeJS.ProcessEnv): string[] {
  const args = [...argv]
  while (args.length > 0) {
    const a = args[0]
    if ((a === '-f' || a === '--file') && args.length > 1) {
      env.MAESTRO_FILE = args[1]
      args.splice(0, 2)
    } else if (a.startsWith('--file=')) {
      env.MAESTRO_FILE = a.slice('--file='.length)
      args.shift()
    } else if (a.startsWith('-f') && a.length > 2 && !a.startsWith('--')) {
      env.MAESTRO_FILE = a.slice(2)
      args.shift()
    } else if (a === '--scheduler' && args.length > 1) {
      env.MAESTRO_SCHEDULER = args[1]
      args.splice(0, 2)
    } else if (a.startsWith('--scheduler=')) {
      env.MAESTRO_SCHEDULER = a.slice('--scheduler='.length)
      args.shift()
    } else if (a === '--debug') {
      env.MAESTRO_DEBUG = '1'
      args.shift()
    } else if (a === '-v') {
      args[0] = '--version'
      break
    } else break
  }
  if (args.length === 0) args.push('status')
  // `-h` is `--help` everywhere (up to `--`, after which everything is an argument)
  const end = args.indexOf('--')
  return args.map((a, i) => (a === '-h' && (end < 0 || i < end) ? '--help' : a))
}
